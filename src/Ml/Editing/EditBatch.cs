namespace VaeFaces.Ml.Editing;

/// <summary>Count images as packed float CHW pixels, with their file names, on their way through a bulk edit.</summary>
internal sealed record EditBatch(string[] Files, float[] Pixels, int Count);

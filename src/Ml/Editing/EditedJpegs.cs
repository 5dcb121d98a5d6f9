namespace VaeFaces.Ml.Editing;

/// <summary>One batch of edited images, encoded: Jpegs[i] is the new content of Files[i].</summary>
public sealed record EditedJpegs(string[] Files, byte[][] Jpegs);

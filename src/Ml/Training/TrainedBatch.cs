namespace VaeFaces.Ml.Training;

/// <summary>One optimizer step as the trainer took it: where it was and which image rows it trained on.</summary>
public sealed record TrainedBatch(int Epoch, int StepInEpoch, long GlobalStep, IReadOnlyList<int> Rows);

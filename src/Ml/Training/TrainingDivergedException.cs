namespace VaeFaces.Ml.Training;

/// <summary>Training kept producing non-finite losses or weights after every rollback: the settings, not luck, are at fault.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);

namespace VaeFaces.Ml.Training;

public sealed record EpochMetrics(
    int Epoch,
    double LearningRate,
    double KlWeight,
    double TrainLoss,
    double TrainReconstruction,
    double TrainKl,
    double ValidationLoss,
    double ValidationReconstruction,
    double ValidationKl,
    double Seconds);

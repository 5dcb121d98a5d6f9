namespace VaeFaces.Ml.Training;

/// <param name="KlWeight">The loss's weight on the mean KL at the epoch's end: the setting for mse, the ELBO's own for sigma-vae.</param>
/// <param name="SkippedSteps">Steps of this epoch whose loss or gradient was not finite, so no update was made.</param>
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
    double Seconds,
    int SkippedSteps = 0);

using VaeFaces.Ml.Imaging;

namespace VaeFaces.Ml.Training;

/// <summary>The loss curve of a training run: loss and reconstruction MSE per epoch, train and validation.</summary>
public static class LossCurve
{
    /// <summary>metrics.json, the history every training job writes beside its model.</summary>
    public const string MetricsFile = "metrics.json";

    public static byte[] RenderPng(IReadOnlyList<EpochMetrics> history, int width = 800, int height = 500)
    {
        var epochs = history.Select(m => (double)m.Epoch).ToArray();
        return LinePlot.RenderPng("Loss per epoch", "epoch", "loss", new List<PlotSeries>
        {
            new("train loss", epochs, history.Select(m => m.TrainLoss).ToArray()),
            new("validation loss", epochs, history.Select(m => m.ValidationLoss).ToArray()),
            new("train recon MSE", epochs, history.Select(m => m.TrainReconstruction).ToArray()),
            new("validation recon MSE", epochs, history.Select(m => m.ValidationReconstruction).ToArray()),
        }, width, height, logY: true);
    }
}

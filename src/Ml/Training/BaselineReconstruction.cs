using VaeFaces.Ml.Data;

namespace VaeFaces.Ml.Training;

/// <summary>The MSE of predicting the mean training image for every evaluation image: what a model must beat.</summary>
public static class BaselineReconstruction
{
    public static float[] MeanImage(DecodedImages images)
    {
        var sum = new double[images.BytesPerImage];
        for (var n = 0; n < images.Count; n++)
        {
            var pixels = images[n];
            for (var i = 0; i < sum.Length; i++) sum[i] += pixels[i];
        }
        var mean = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++) mean[i] = (float)(sum[i] / images.Count / 255.0);
        return mean;
    }

    public static double Mse(float[] meanImage, DecodedImages evaluation)
    {
        double sum = 0;
        for (var n = 0; n < evaluation.Count; n++)
        {
            var pixels = evaluation[n];
            for (var i = 0; i < meanImage.Length; i++)
            {
                var difference = pixels[i] / 255.0 - meanImage[i];
                sum += difference * difference;
            }
        }
        return sum / ((double)evaluation.Count * meanImage.Length);
    }
}

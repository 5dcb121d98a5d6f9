using VaeFaces.Ml.Data;

namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// Assigns images to train/validation/test: exact (rounded) counts from the fractions, spread over the images by a
/// seeded shuffle, so small datasets still get non-empty splits and the assignment never depends on threading.
/// At least one image is always left for training.
/// </summary>
internal static class PartitionPlan
{
    public static Split[] Assign(int count, int seed, double validationFraction, double testFraction)
    {
        var test = Math.Min(count - 1, (int)Math.Round(count * testFraction, MidpointRounding.AwayFromZero));
        var validation = Math.Min(count - 1 - test, (int)Math.Round(count * validationFraction, MidpointRounding.AwayFromZero));

        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        // Own Fisher-Yates rather than Random.Shuffle, so the order is fixed by this code and not by the runtime.
        var random = ImageRandom.For(seed, ImageRandom.PartitionStream);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var splits = new Split[count];
        for (var k = 0; k < count; k++)
            splits[order[k]] = k < test ? Split.Test : k < test + validation ? Split.Validation : Split.Train;
        return splits;
    }
}

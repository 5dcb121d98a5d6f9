using VaeFaces.Ml.Training;

namespace VaeFaces.UnitTests.Training;

public class TrainingOptionsSpecs
{
    [Theory]
    [InlineData(LearningRateSchedule.Constant, 3, 1e-3)]
    [InlineData(LearningRateSchedule.Exponential, 2, 1e-3 * 0.5 * 0.5)]
    [InlineData(LearningRateSchedule.Step, 5, 1e-3 * 0.5)]
    [InlineData(LearningRateSchedule.Step, 4, 1e-3)]
    [InlineData(LearningRateSchedule.Cosine, 5, 1e-3 * 0.5)]
    public void Schedule_gives_the_learning_rate_of_each_epoch(LearningRateSchedule schedule, int epoch, double expected)
    {
        var options = new TrainingOptions { LearningRate = 1e-3, Schedule = schedule, LrDecay = 0.5, LrStepEpochs = 5, Epochs = 10 };
        Assert.Equal(expected, options.LearningRateAt(epoch), 12);
    }

    [Fact]
    public void Kl_weight_ramps_up_over_the_warmup()
    {
        var options = new TrainingOptions { KlWeight = 0.01, KlWarmupEpochs = 4 };
        Assert.Equal(0, options.KlWeightAt(0), 12);
        Assert.Equal(0.005, options.KlWeightAt(2), 12);
        Assert.Equal(0.01, options.KlWeightAt(9), 12);
    }

    [Fact]
    public void Problems_name_each_bad_field()
    {
        var problems = new TrainingOptions { Epochs = 0, BatchSize = -1, Model = new() { ImageSize = 100 } }.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Epochs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("BatchSize", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ImageSize", StringComparison.Ordinal));
    }
}

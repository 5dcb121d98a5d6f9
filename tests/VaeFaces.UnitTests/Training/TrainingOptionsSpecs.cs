using VaeFaces.Contracts;
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
        var options = TrainingOptions.Defaults with { LearningRate = 1e-3, Schedule = schedule, LrDecay = 0.5, LrStepEpochs = 5, Epochs = 10 };
        Assert.Equal(expected, options.LearningRateAt(epoch), 12);
    }

    [Fact]
    public void Kl_weight_ramps_up_over_the_warmup()
    {
        var options = TrainingOptions.Defaults with { KlWeight = 0.01, KlWarmupEpochs = 4 };
        Assert.Equal(0, options.KlWeightAt(0), 12);
        Assert.Equal(0.005, options.KlWeightAt(2), 12);
        Assert.Equal(0.01, options.KlWeightAt(9), 12);
    }

    [Fact]
    public void The_contracts_names_are_the_enums_values()
    {
        Assert.Equal(Enum.GetNames<OptimizerKind>().Select(n => n.ToLowerInvariant()), TrainModel.Optimizers);
        Assert.Equal(Enum.GetNames<LearningRateSchedule>().Select(n => n.ToLowerInvariant()), TrainModel.LrSchedules);
        Assert.Equal(Enum.GetValues<ReconstructionLikelihood>().Select(TrainingOptions.ContractName), TrainModel.Likelihoods);
    }

    [Fact]
    public void A_command_becomes_the_options_it_names()
    {
        var command = TrainModel.Defaults with { Optimizer = "RmsProp", LrSchedule = "cosine", ImageSize = 64, LatentDim = 16, Epochs = 3 };
        var options = TrainingOptions.From(command);
        Assert.Equal(OptimizerKind.RmsProp, options.Optimizer);
        Assert.Equal(LearningRateSchedule.Cosine, options.Schedule);
        Assert.Equal((64, 16, 3), (options.Model.ImageSize, options.Model.LatentDim, options.Epochs));
        Assert.Equal(TrainModel.Defaults.KlWeight, options.KlWeight);
    }
}

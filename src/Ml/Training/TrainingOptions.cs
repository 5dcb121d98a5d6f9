using VaeFaces.Contracts;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Training;

public enum LearningRateSchedule
{
    Constant,
    Exponential,
    Step,
    Cosine,
}

public enum OptimizerKind
{
    Adam,
    RmsProp,
}

/// <summary>How the decoder's output is scored: the tutorial's MSE, or the optimal sigma-VAE's Gaussian (VaeLoss).</summary>
public enum ReconstructionLikelihood
{
    Mse,
    SigmaVae,
}

/// <summary>Training settings: a TrainModel command's parameters, typed, plus the divergence guard's limits.</summary>
public sealed record TrainingOptions
{
    /// <summary>The contract's defaults (the tutorial's).</summary>
    public static TrainingOptions Defaults { get; } = From(TrainModel.Defaults);

    public required ModelOptions Model { get; init; }
    public required int Epochs { get; init; }
    public required int BatchSize { get; init; }
    public required OptimizerKind Optimizer { get; init; }
    public required double LearningRate { get; init; }
    public required LearningRateSchedule Schedule { get; init; }
    /// <summary>Factor per epoch (Exponential) or per LrStepEpochs (Step).</summary>
    public required double LrDecay { get; init; }
    public required int LrStepEpochs { get; init; }
    /// <summary>The Mse likelihood's weight on the KL; the SigmaVae likelihood uses the ELBO's own.</summary>
    public required double KlWeight { get; init; }
    public required ReconstructionLikelihood Likelihood { get; init; }
    /// <summary>Epochs over which the KL weight ramps linearly from 0; 0 disables the warm-up.</summary>
    public required double KlWarmupEpochs { get; init; }
    /// <summary>Epochs without a better validation reconstruction loss before stopping; 0 disables early stopping.</summary>
    public required int EarlyStoppingPatience { get; init; }
    public required int CheckpointEverySteps { get; init; }
    public required int Seed { get; init; }
    /// <summary>Largest gradient L2 norm before clipping; 0 disables clipping.</summary>
    public required double GradientClipNorm { get; init; }
    /// <summary>Non-finite steps in a row that trigger a rollback to the last good checkpoint with the learning rate halved.</summary>
    public int MaxBadStepsInARow { get; init; } = 5;
    /// <summary>Rollbacks allowed before the job fails as diverged.</summary>
    public int MaxRollbacks { get; init; } = 3;

    /// <summary>A command's parameters, which JobValidator has checked: its names parse into these enums.</summary>
    public static TrainingOptions From(TrainModel command) => new()
    {
        Model = new ModelOptions { ImageSize = command.ImageSize, LatentDim = command.LatentDim },
        Epochs = command.Epochs,
        BatchSize = command.BatchSize,
        Optimizer = Enum.Parse<OptimizerKind>(command.Optimizer, ignoreCase: true),
        LearningRate = command.LearningRate,
        Schedule = Enum.Parse<LearningRateSchedule>(command.LrSchedule, ignoreCase: true),
        LrDecay = command.LrDecay,
        LrStepEpochs = command.LrStepEpochs,
        KlWeight = command.KlWeight,
        Likelihood = Enum.GetValues<ReconstructionLikelihood>().Single(l => ContractName(l) == command.Likelihood.ToLowerInvariant()),
        KlWarmupEpochs = command.KlWarmupEpochs,
        EarlyStoppingPatience = command.EarlyStoppingPatience,
        CheckpointEverySteps = command.CheckpointEverySteps,
        Seed = command.Seed,
        GradientClipNorm = command.GradientClipNorm,
    };

    public double LearningRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Constant => LearningRate,
        LearningRateSchedule.Exponential => LearningRate * Math.Pow(LrDecay, epoch),
        LearningRateSchedule.Step => LearningRate * Math.Pow(LrDecay, epoch / Math.Max(1, LrStepEpochs)),
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / Math.Max(1, Epochs))),
        _ => throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, null),
    };

    /// <summary>The weight on the mean KL after that many epochs, ramped linearly from 0 over the warm-up.</summary>
    public double KlWeightAt(double epochsDone)
    {
        var ramp = KlWarmupEpochs <= 0 ? 1 : Math.Min(1.0, epochsDone / KlWarmupEpochs);
        return ramp * Likelihood switch
        {
            ReconstructionLikelihood.Mse => KlWeight,
            ReconstructionLikelihood.SigmaVae => VaeLoss.ElboKlWeight(Model.LatentDim, Model.PixelsPerImage),
            _ => throw new ArgumentOutOfRangeException(nameof(Likelihood), Likelihood, null),
        };
    }

    public LossSettings LossAt(double epochsDone) => new(Likelihood, KlWeightAt(epochsDone));

    /// <summary>A likelihood's name in the contract (TrainModel.Likelihoods): the enum's name in kebab case, "sigma-vae".</summary>
    public static string ContractName(ReconstructionLikelihood likelihood) =>
        string.Concat(likelihood.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{c}" : $"{c}")).ToLowerInvariant();
}

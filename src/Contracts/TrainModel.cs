using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// Trains the VAE on the train split of a CelebA-layout dataset, validating on the validation split. The defaults
/// here are the tutorial's and the only place they are written: the worker, the CLI and the API start from them.
/// </summary>
public sealed record TrainModel : IJobCommand
{
    public static IReadOnlyList<int> ImageSizes { get; } = [64, 112, 128];
    public static IReadOnlyList<string> Optimizers { get; } = ["adam", "rmsprop"];
    public static IReadOnlyList<string> LrSchedules { get; } = ["constant", "exponential", "step", "cosine"];
    public static IReadOnlyList<string> Likelihoods { get; } = ["mse", "sigma-vae"];

    /// <summary>Every parameter at its default, with no job, dataset or output yet.</summary>
    public static TrainModel Defaults { get; } = new() { JobId = Guid.Empty, Dataset = new(""), Output = new("") };

    public required Guid JobId { get; init; }
    public required BlobLocation Dataset { get; init; }
    public required BlobLocation Output { get; init; }
    public int ImageSize { get; init; } = 112;
    public int LatentDim { get; init; } = 200;
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 64;
    /// <summary>One of <see cref="Optimizers"/>.</summary>
    public string Optimizer { get; init; } = "adam";
    public double LearningRate { get; init; } = 5e-4;
    /// <summary>One of <see cref="LrSchedules"/>.</summary>
    public string LrSchedule { get; init; } = "exponential";
    /// <summary>Factor per epoch (exponential) or per LrStepEpochs (step).</summary>
    public double LrDecay { get; init; } = 0.95;
    public int LrStepEpochs { get; init; } = 5;
    public double KlWeight { get; init; } = 0.01;
    /// <summary>One of <see cref="Likelihoods"/>: the tutorial's MSE, or the optimal sigma-VAE (Rybkin et al. 2021), whose KL weight is the ELBO's, not KlWeight.</summary>
    public string Likelihood { get; init; } = "mse";
    /// <summary>Epochs over which the KL weight ramps linearly from 0; 0 disables the warm-up.</summary>
    public double KlWarmupEpochs { get; init; }
    /// <summary>Epochs without a better validation reconstruction loss before stopping; 0 disables early stopping.</summary>
    public int EarlyStoppingPatience { get; init; } = 3;
    public int CheckpointEverySteps { get; init; } = 200;
    public int Seed { get; init; } = 42;
    /// <summary>Largest gradient L2 norm before clipping; 0 disables clipping.</summary>
    public double GradientClipNorm { get; init; }
    public bool SkipBadImages { get; init; }

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() => [(nameof(Dataset), Dataset)];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Dataset);
        errors.OneOf(ImageSize, ImageSizes);
        errors.AtLeast(LatentDim, 1);
        errors.AtMost(LatentDim, JobLimits.LatentDim);
        errors.AtLeast(Epochs, 1);
        errors.AtMost(Epochs, JobLimits.Epochs);
        errors.AtLeast(BatchSize, 1);
        errors.AtMost(BatchSize, JobLimits.BatchSize);
        errors.OneOf(Optimizer, Optimizers);
        errors.Fraction(LearningRate);
        errors.OneOf(LrSchedule, LrSchedules);
        errors.Fraction(LrDecay);
        errors.AtLeast(LrStepEpochs, 1);
        errors.AtMost(LrStepEpochs, JobLimits.Epochs);
        errors.NotNegative(KlWeight);
        errors.OneOf(Likelihood, Likelihoods);
        errors.NotNegative(KlWarmupEpochs);
        errors.AtMost(KlWarmupEpochs, JobLimits.Epochs);
        errors.AtLeast(EarlyStoppingPatience, 0);
        errors.AtMost(EarlyStoppingPatience, JobLimits.Epochs);
        errors.AtLeast(CheckpointEverySteps, 1);
        errors.NotNegative(GradientClipNorm);
    }
}

using VaeFaces.Ml.Model;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Training;

/// <summary>The loss at one point of training (TrainingOptions.LossAt): the likelihood, and the weight on the mean KL there.</summary>
/// <param name="KlWeight">Warm-up applied: the KlWeight setting for Mse, the ELBO's own weight for SigmaVae.</param>
public readonly record struct LossSettings(ReconstructionLikelihood Likelihood, double KlWeight)
{
    public LossTerms Compute(Tensor images, VaeOutput output) => Likelihood switch
    {
        ReconstructionLikelihood.Mse => VaeLoss.Compute(images, output, KlWeight),
        ReconstructionLikelihood.SigmaVae => VaeLoss.SigmaVae(images, output, KlWeight),
        _ => throw new ArgumentOutOfRangeException(nameof(Likelihood), Likelihood, null),
    };
}

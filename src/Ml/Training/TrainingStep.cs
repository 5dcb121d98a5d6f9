using TorchSharp;
using TorchSharp.Modules;
using VaeFaces.Ml.Model;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Training;

/// <summary>The loss terms of one step as read back from the device, and whether the step changed the weights.</summary>
public readonly record struct StepResult(double Loss, double Reconstruction, double Kl, bool Applied);

/// <summary>
/// One optimisation step: forward, loss, backward, gradient norm (and clip), update. A step whose loss or gradient is not
/// finite leaves the weights alone. The trainer's step, and the one the benchmark times.
/// </summary>
public sealed class TrainingStep(VariationalAutoencoder model, optim.Optimizer optimizer, double gradientClipNorm)
{
    private readonly List<Parameter> parameters = model.parameters().ToList();

    // The norm is needed anyway to see a non-finite gradient; with no clip set, it clips nothing.
    private readonly double clipNorm = gradientClipNorm > 0 ? gradientClipNorm : double.PositiveInfinity;

    /// <param name="images">Makes the batch's tensor; called inside the step's dispose scope, so that tensor is freed with the rest.</param>
    public StepResult Run(Func<Tensor> images, LossSettings loss)
    {
        using var scope = torch.NewDisposeScope();
        var batch = images();
        optimizer.zero_grad();
        var terms = loss.Compute(batch, model.forward(batch));
        double total = terms.Total.item<float>(), reconstruction = terms.Reconstruction.item<float>(), kl = terms.Kl.item<float>();
        if (!double.IsFinite(total)) return new StepResult(total, reconstruction, kl, Applied: false);
        terms.Total.backward();
        var finite = double.IsFinite(nn.utils.clip_grad_norm_(parameters, clipNorm));
        if (finite) optimizer.step();
        return new StepResult(total, reconstruction, kl, finite);
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Judging;

/// <summary>
/// One optimisation step of the judge: a random horizontal flip per image (faces and their attributes are
/// mirror-symmetric), forward, class-balanced BCE with logits, backward, update. A non-finite loss or gradient leaves
/// the weights alone. Everything the step makes is freed by its own dispose scope.
/// </summary>
public sealed class ClassifierStep(AttributeClassifier model, optim.Optimizer optimizer, Tensor positiveWeight)
{
    private readonly List<Parameter> parameters = model.parameters().ToList();

    /// <param name="batch">Makes the batch's images [N, 3, S, S] and labels [N, attributes]; called inside the step's scope.</param>
    public (double Loss, bool Applied) Run(Func<(Tensor Images, Tensor Labels)> batch)
    {
        using var scope = torch.NewDisposeScope();
        var (images, labels) = batch();
        var flip = (torch.rand(images.shape[0], device: images.device) < 0.5).view(-1, 1, 1, 1);
        var input = torch.where(flip, images.flip(3), images);
        optimizer.zero_grad();
        var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(input), labels, null, nn.Reduction.Mean, positiveWeight);
        double value = loss.item<float>();
        if (!double.IsFinite(value)) return (value, false);
        loss.backward();
        var finite = double.IsFinite(nn.utils.clip_grad_norm_(parameters, double.PositiveInfinity));
        if (finite) optimizer.step();
        return (value, finite);
    }
}

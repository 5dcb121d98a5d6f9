using TorchSharp;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Judging;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Editing;

/// <summary>
/// An edit that stops where the judge is convinced. Each edit's magnitude is its bound and its sign says add or remove;
/// per image, MagnitudeSearch finds the smallest fraction s of the bounds (every edit scaled together) at which the
/// judge's score reaches the target. The score is the least convinced of the edits: p for an attribute being added,
/// 1 - p for one being removed. An image that never reaches it is written at its best score, or left out.
/// </summary>
public sealed class CalibratedEdit : IBatchEdit
{
    private readonly VariationalAutoencoder model;
    private readonly AttributeJudge judge;
    private readonly IReadOnlyList<LatentEdit> edits;
    private readonly MagnitudeTarget target;
    private readonly bool keepMisses;
    private readonly int[] columns;

    /// <param name="probability">The score to reach.</param>
    /// <param name="tolerance">How close to the smallest scale that reaches it, as a fraction of the bounds.</param>
    public CalibratedEdit(VariationalAutoencoder model, AttributeJudge judge, IReadOnlyList<LatentEdit> edits, double probability,
        double tolerance, bool keepMisses)
    {
        (this.model, this.judge, this.edits, this.keepMisses) = (model, judge, edits, keepMisses);
        target = new MagnitudeTarget(probability, Bound: 1, tolerance);
        target.Check();
        columns = edits.Select(e => judge.IndexOf(e.Name) is >= 0 and var c
            ? c : throw new ArgumentException($"the judge does not judge {e.Name}; it judges {string.Join(", ", judge.Attributes)}", nameof(edits))).ToArray();
        if (edits.Any(e => e.Magnitude == 0)) throw new ArgumentException("a calibrated edit needs a non-zero bound for every attribute", nameof(edits));
    }

    public int ImageSize => model.Options.ImageSize;

    public EditedBatch Edit(ImageBatch images)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var (z, _) = model.Encode(ImageTensors.ToTensor(images, Devices.Best()));
        // The whole edit at its bounds: scale s moves every attribute by s times its own bound.
        var full = LatentEdits.Apply(torch.zeros(1, z.shape[1], device: z.device), edits);
        var attributes = judge.Attributes.Count;

        float[] Probabilities(double[] scales)
        {
            using var inner = torch.NewDisposeScope();
            var s = torch.tensor(scales.Select(v => (float)v).ToArray(), device: z.device).unsqueeze(1);
            return judge.Probabilities(model.Decode(z + s * full)).cpu().data<float>().ToArray();
        }
        double Score(float[] p, int n) => columns.Select((c, i) => edits[i].Magnitude > 0 ? p[n * attributes + c] : 1 - p[n * attributes + c]).Min();

        var found = MagnitudeSearch.Find(scales => { var p = Probabilities(scales); return scales.Select((_, n) => Score(p, n)).ToArray(); },
            images.Count, target);
        var chosen = found.Select(f => f.Magnitude).ToArray();
        var edited = model.Decode(z + torch.tensor(chosen.Select(v => (float)v).ToArray(), device: z.device).unsqueeze(1) * full);
        var judged = judge.Probabilities(edited).cpu().data<float>().ToArray();
        var outcomes = found.Select((f, n) => new CalibrationOutcome(f.Reached, f.Magnitude, Score(judged, n),
            judged.AsSpan(n * attributes, attributes).ToArray(), f.Reached || keepMisses)).ToList();
        return new EditedBatch(ImageTensors.ToBatch(edited), outcomes);
    }
}

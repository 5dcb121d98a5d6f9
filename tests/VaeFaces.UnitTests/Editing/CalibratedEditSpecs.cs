using TorchSharp;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Judging;

namespace VaeFaces.UnitTests.Editing;

public class CalibratedEditSpecs
{
    private const int Bound = 30;
    private static readonly LatentEdit Smiling = new("Smiling", TestModels.Axis(0), Bound);

    /// <summary>An untrained judge whose head is steep enough that its scores spread over images instead of all sitting at 0.50.</summary>
    private static AttributeJudge Judge()
    {
        torch.random.manual_seed(11);
        var classifier = new AttributeClassifier(new AttributeClassifierOptions { ImageSize = TestModels.Size, Attributes = ["Smiling", "Eyeglasses"] });
        using (torch.no_grad())
            foreach (var (name, parameter) in classifier.named_parameters())
                if (name == "head.weight") parameter.mul_(200);
        return new AttributeJudge(classifier);
    }

    private static float[] Score(AttributeJudge judge, ImageBatch edited, string attribute = "Smiling") =>
        judge.Probabilities(edited).Where((_, i) => i % judge.Attributes.Count == judge.IndexOf(attribute)).ToArray();

    [Fact]
    public void Each_image_is_written_at_its_own_scale_and_the_verdicts_are_the_judges_on_that_image()
    {
        using var model = TestModels.Sensitive();
        using var judge = Judge();
        var images = TestModels.RandomImages(8);
        // Of edits along a few axes, either way, judged as either attribute: the one and the image whose score rises
        // most on the search's own steps (eighths of the bound), and a target halfway up that rise, which that image
        // cannot reach unedited but reaches on the way.
        var candidates = from axis in Enumerable.Range(0, 4) from sign in new[] { 1, -1 } from name in judge.Attributes
                         select new LatentEdit(name, TestModels.Axis(axis), sign * Bound);
        var (edit, image, atZero, rise) = candidates.SelectMany(e =>
        {
            var unedited = Score(judge, new FixedEdit(model, [e with { Magnitude = 0 }]).Edit(images).Images, e.Name);
            var steps = Enumerable.Range(1, 8).Select(k => Score(judge, new FixedEdit(model, [e with { Magnitude = e.Magnitude * k / 8 }]).Edit(images).Images, e.Name)).ToList();
            return Enumerable.Range(0, images.Count).Select(n => (e, n, unedited[n], Rise: steps.Max(scores => scores[n]) - unedited[n]));
        }).MaxBy(x => x.Rise);
        Assert.True(rise > 0.01, $"the judge hardly reacts to any edit (rise {rise})");
        var target = atZero + rise / 2;

        var result = new CalibratedEdit(model, judge, [edit], target, tolerance: 0.01, keepMisses: false).Edit(images);

        var outcomes = result.Outcomes!;
        Assert.Equal(images.Count, outcomes.Count);
        Assert.True(outcomes[image].Reached && outcomes[image].Scale > 0, outcomes[image].ToString());
        var plane = 3 * TestModels.Size * TestModels.Size;
        for (var n = 0; n < images.Count; n++)
        {
            var outcome = outcomes[n];
            var one = images with { Pixels = images.Pixels[(n * plane)..((n + 1) * plane)], Count = 1 };
            // The written image is the fixed edit at the scale found, and its verdicts are the judge's on it.
            var again = new FixedEdit(model, [edit with { Magnitude = outcome.Scale * edit.Magnitude }]).Edit(one).Images;
            Assert.Equal(again.Pixels, result.Images.Pixels[(n * plane)..((n + 1) * plane)], (a, b) => Math.Abs(a - b) < 1e-4);
            Assert.Equal(judge.Probabilities(again), outcome.Probabilities, (a, b) => Math.Abs(a - b) < 1e-4);
            Assert.Equal(outcome.Probabilities[judge.IndexOf(edit.Name)], outcome.Score, 5);
            Assert.Equal(outcome.Reached, outcome.Score >= target);
            Assert.Equal(outcome.Reached, outcome.Keep);
            Assert.InRange(outcome.Scale, 0, 1);
        }
    }

    [Fact]
    public void Removing_scores_the_absence_and_an_image_already_there_is_not_moved()
    {
        using var model = TestModels.Eval();
        using var judge = Judge();
        var images = TestModels.RandomImages(4);
        var reconstruction = new FixedEdit(model, [Smiling with { Magnitude = 0 }]).Edit(images);

        // Removal: the score is 1 - p; a target every reconstruction already reaches leaves them all at scale 0.
        var easy = Score(judge, reconstruction.Images).Select(p => 1 - p).Min() - 0.01;
        var result = new CalibratedEdit(model, judge, [Smiling with { Magnitude = -Bound }], easy, 0.01, keepMisses: true).Edit(images);

        Assert.All(result.Outcomes!, o => Assert.Equal((true, 0.0), (o.Reached, o.Scale)));
        Assert.Equal(reconstruction.Images.Pixels, result.Images.Pixels, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void An_attribute_the_judge_does_not_judge_or_a_zero_bound_is_refused()
    {
        using var model = TestModels.Eval();
        using var judge = Judge();

        Assert.Contains("does not judge Bald", Assert.Throws<ArgumentException>(() =>
            new CalibratedEdit(model, judge, [Smiling with { Name = "Bald" }], 0.9, 0.01, true)).Message);
        Assert.Contains("non-zero bound", Assert.Throws<ArgumentException>(() =>
            new CalibratedEdit(model, judge, [Smiling with { Magnitude = 0 }], 0.9, 0.01, true)).Message);
    }
}

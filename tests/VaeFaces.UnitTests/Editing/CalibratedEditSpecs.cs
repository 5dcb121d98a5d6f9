using TorchSharp;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Judging;

namespace VaeFaces.UnitTests.Editing;

public class CalibratedEditSpecs
{
    private const int Bound = 30;
    private static readonly LatentEdit Smiling = new("Smiling", TestModels.Axis(0), Bound);

    private static AttributeJudge Judge()
    {
        torch.random.manual_seed(11);
        return new AttributeJudge(new AttributeClassifier(new AttributeClassifierOptions { ImageSize = TestModels.Size, Attributes = ["Smiling", "Eyeglasses"] }));
    }

    private static float[] Smile(AttributeJudge judge, ImageBatch edited) =>
        judge.Probabilities(edited).Where((_, i) => i % judge.Attributes.Count == judge.IndexOf("Smiling")).ToArray();

    [Fact]
    public void Each_image_is_written_at_its_own_scale_and_the_verdicts_are_the_judges_on_that_image()
    {
        using var model = TestModels.Eval();
        using var judge = Judge();
        var images = TestModels.RandomImages(8);
        // The way along the axis that raises the untrained judge's score, and a target no unedited image reaches but
        // some fully edited one does, so the search has work to do.
        var atZero = Smile(judge, new FixedEdit(model, [Smiling with { Magnitude = 0 }]).Edit(images).Images);
        var edit = new[] { Smiling, Smiling with { Magnitude = -Bound } }
            .MaxBy(e => Smile(judge, new FixedEdit(model, [e]).Edit(images).Images).Max())!;
        var target = (atZero.Max() + Smile(judge, new FixedEdit(model, [edit]).Edit(images).Images).Max()) / 2;

        var result = new CalibratedEdit(model, judge, [edit], target, tolerance: 0.01, keepMisses: false).Edit(images);

        var outcomes = result.Outcomes!;
        Assert.Equal(images.Count, outcomes.Count);
        Assert.Contains(outcomes, o => o.Reached && o.Scale > 0);
        var plane = 3 * TestModels.Size * TestModels.Size;
        for (var n = 0; n < images.Count; n++)
        {
            var outcome = outcomes[n];
            var one = images with { Pixels = images.Pixels[(n * plane)..((n + 1) * plane)], Count = 1 };
            // The written image is the fixed edit at the scale found, and its verdicts are the judge's on it.
            var again = new FixedEdit(model, [edit with { Magnitude = outcome.Scale * edit.Magnitude }]).Edit(one).Images;
            Assert.Equal(again.Pixels, result.Images.Pixels[(n * plane)..((n + 1) * plane)], (a, b) => Math.Abs(a - b) < 1e-4);
            Assert.Equal(judge.Probabilities(again), outcome.Probabilities, (a, b) => Math.Abs(a - b) < 1e-4);
            Assert.Equal(outcome.Probabilities[judge.IndexOf("Smiling")], outcome.Score, 5);
            Assert.Equal(outcome.Reached, outcome.Score >= target);
            Assert.True(outcome.Reached || outcome.Scale > 0 || atZero[n] >= target, "a missed image is written at its best score, not unedited");
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
        var easy = Smile(judge, reconstruction.Images).Select(p => 1 - p).Min() - 0.01;
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

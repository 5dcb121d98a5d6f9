using VaeFaces.Ml.Evaluation;

namespace VaeFaces.UnitTests.Evaluation;

public class EditChoiceSpecs
{
    private static EditPoint Point(string method, double magnitude, int succeeded, int kept) =>
        new("Smiling", method, magnitude, new EditRate(succeeded, 10), new EditRate(succeeded, 10), new EditRate(0, 0), new EditRate(kept, 100), 0.01 * magnitude);

    [Fact]
    public void Each_method_takes_its_gentlest_magnitude_that_succeeds_and_the_best_keeps_the_most()
    {
        EditPoint[] points =
        [
            Point("mean-difference", 1, 8, 99), Point("mean-difference", 2, 9, 90), Point("mean-difference", 3, 10, 80),
            Point("conditional", 1, 7, 99), Point("conditional", 2, 8, 98), Point("conditional", 3, 9, 95),
            Point("linear", 1, 5, 100), Point("linear", 2, 6, 100), Point("linear", 3, 7, 99),
        ];

        var choice = Assert.Single(EditChoice.Choose(points, 0.9));

        // mean-difference reaches 90% at 2 (keeping 90%), conditional at 3 (keeping 95%); linear never does.
        Assert.Equal([("mean-difference", 2.0), ("conditional", 3.0), ("linear", 3.0)], choice.PerMethod.Select(p => (p.Method, p.Magnitude)));
        Assert.Equal(("conditional", 3.0), (choice.Best.Method, choice.Best.Magnitude));
    }

    [Fact]
    public void When_no_method_succeeds_the_most_successful_point_is_best()
    {
        EditPoint[] points = [Point("linear", 1, 5, 100), Point("linear", 2, 7, 99), Point("linear", 3, 6, 99), Point("conditional", 3, 6, 100)];

        var choice = Assert.Single(EditChoice.Choose(points, 0.9));

        Assert.Equal(("linear", 2.0), (choice.Best.Method, choice.Best.Magnitude));
    }
}

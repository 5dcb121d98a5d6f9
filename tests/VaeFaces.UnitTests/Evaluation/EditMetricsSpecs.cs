using VaeFaces.Ml.Evaluation;

namespace VaeFaces.UnitTests.Evaluation;

public class EditMetricsSpecs
{
    [Fact]
    public void Adding_succeeds_on_images_that_went_from_no_to_yes_counted_over_those_without_it()
    {
        // Image 3 had it already: not counted. Of images 0-2, 0 and 2 gained it.
        var rate = EditMetrics.Success([false, false, false, true], [true, false, true, true], adding: true);

        Assert.Equal(new EditRate(2, 3), rate);
        Assert.Equal(2.0 / 3, rate.Fraction, 12);
    }

    [Fact]
    public void Removing_succeeds_on_images_that_went_from_yes_to_no_counted_over_those_with_it()
    {
        // Image 2 never had it: not counted, although its verdict after is "no".
        var rate = EditMetrics.Success([true, true, false, true], [false, true, false, false], adding: false);

        Assert.Equal(new EditRate(2, 3), rate);
    }

    [Fact]
    public void Success_is_undefined_when_every_image_already_shows_the_target()
    {
        Assert.True(double.IsNaN(EditMetrics.Success([true, true], [true, true], adding: true).Fraction));
    }

    [Fact]
    public void Preservation_counts_unchanged_verdicts_of_the_attributes_not_edited_over_all_images()
    {
        // Attribute 0 is edited and ignored. Image 0: attribute 1 kept, 2 flipped. Image 1: both kept.
        bool[][] before = [[false, true, false], [true, false, false]];
        bool[][] after = [[true, true, true], [false, false, false]];

        Assert.Equal(new EditRate(3, 4), EditMetrics.Preservation(before, after, [0]));
        Assert.Equal(new EditRate(1, 2), EditMetrics.Preservation(before, after, [0, 1]));
    }

    [Fact]
    public void Success_leaves_out_images_where_the_target_was_covered()
    {
        // Images 1 and 2 were covered (Bald under a hat): image 1 gained it anyway, image 2 did not; neither counts.
        // Of images 0 and 3, only 0 gained it.
        var rate = EditMetrics.Success([false, false, false, false], [true, true, false, false], adding: true,
            covered: [false, true, true, false]);

        Assert.Equal(new EditRate(1, 2), rate);
    }

    [Fact]
    public void Preservation_does_not_count_an_attribute_on_images_whose_cover_is_on_before_or_after()
    {
        // Columns: 0 edited, 1 covered by 2. Image 0: cover off throughout, 1 flipped, 2 kept. Image 1: cover put on,
        // so 1 is not counted (its flip is unseen), 2 flipped. Image 2: cover on throughout, 1 not counted, 2 kept.
        bool[][] before = [[false, true, false], [false, true, false], [false, false, true]];
        bool[][] after = [[true, false, false], [true, false, true], [true, true, true]];
        var coveredBy = new Dictionary<int, int> { [1] = 2 };

        Assert.Equal(new EditRate(2, 4), EditMetrics.Preservation(before, after, [0], coveredBy));
        Assert.Equal(new EditRate(2, 6), EditMetrics.Preservation(before, after, [0]));
    }

    [Fact]
    public void Verdicts_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EditMetrics.Success([true], [true, false], adding: true));
        Assert.Throws<ArgumentException>(() => EditMetrics.Preservation([[true, false]], [[true]], [0]));
    }
}

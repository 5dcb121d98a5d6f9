using VaeFaces.Ml.Data;
using VaeFaces.Ml.Judging;

namespace VaeFaces.UnitTests.Judging;

public class JudgeEvaluationSpecs
{
    private static DatasetImage Image(params sbyte[] attributes) => new("x.jpg", 3, Split.Test, attributes);

    [Fact]
    public void Accuracy_at_one_half_and_auc_are_per_attribute()
    {
        // Attribute 0 in column 1, attribute 1 in column 0.
        var images = new[] { Image(1, 1), Image(-1, 1), Image(1, -1), Image(-1, -1) };
        var labels = AttributeLabels.Of(images, [1, 0]);
        float[] p =
        [
            0.9f, 0.2f,
            0.6f, 0.1f,
            0.4f, 0.7f,
            0.1f, 0.3f,
        ];
        var scores = JudgeEvaluation.Evaluate(p, labels, ["B", "A"]);

        // B: labels 1, 1, 0, 0; p 0.9, 0.6, 0.4, 0.1: all right, AUC 1.
        Assert.Equal(new AttributeScore("B", 1.0, 1.0, 2, 2), scores[0]);
        // A: labels 1, 0, 1, 0; p 0.2, 0.1, 0.7, 0.3: wrong only on the first (0.2 says no); of the 4 (positive, negative)
        // pairs the positive scores higher in 3: (0.2, 0.1), (0.7, 0.1), (0.7, 0.3), not (0.2, 0.3).
        Assert.Equal(new AttributeScore("A", 0.75, 0.75, 2, 2), scores[1]);
    }

    [Fact]
    public void An_attribute_with_one_class_only_has_no_auc()
    {
        var labels = AttributeLabels.Of([Image(1), Image(1)], [0]);
        Assert.Null(JudgeEvaluation.Evaluate([0.8f, 0.3f], labels, ["A"])[0].Auc);
    }

    [Fact]
    public void Rare_attributes_get_a_positive_weight_of_negatives_over_positives()
    {
        var images = Enumerable.Range(0, 10).Select(i => Image(i < 2 ? (sbyte)1 : (sbyte)-1, i < 5 ? (sbyte)1 : (sbyte)-1)).ToList();
        Assert.Equal([4f, 1f], AttributeLabels.Of(images, [0, 1]).BalancedPositiveWeights());
    }

    [Fact]
    public void Attributes_without_enough_positives_and_negatives_are_skipped_by_the_attribute_vector_rule()
    {
        var images = Enumerable.Range(0, 10).Select(i => Image(i < 2 ? (sbyte)1 : (sbyte)-1, i < 5 ? (sbyte)1 : (sbyte)-1, -1)).ToList();
        var (columns, skipped) = AttributeLabels.Learnable(images, ["Rare", "Even", "Never"], minCount: 3);
        Assert.Equal([1], columns);
        Assert.Equal(["Rare", "Never"], skipped.Select(s => s.Name));
        Assert.Equal("needs at least 3 positives and 3 negatives", skipped[0].Reason);
    }
}

using VaeFaces.Contracts;
using VaeFaces.Ml.Latent;

namespace VaeFaces.UnitTests.Latent;

public class AttributeDirectionSpecs
{
    [Fact]
    public void Phi_of_labels_matches_the_hand_computed_coefficient()
    {
        // a = 1,1,0,0 and b = 1,0,0,0: p_a = 0.5, p_b = 0.25, p_ab = 0.25; phi = (0.25 - 0.125) / sqrt(0.25 * 0.1875) = 0.57735.
        sbyte[][] rows = [[1, 1, 1], [1, -1, -1], [-1, -1, 1], [-1, -1, -1]];
        var correlations = new LabelCorrelations(rows, ["a", "b", "c"]);

        Assert.Equal(1 / Math.Sqrt(3), correlations.Phi("a", "b"), 6);
        Assert.Equal(correlations.Phi("a", "b"), correlations.Phi("b", "a"), 12);
        Assert.Equal(1, correlations.Phi("a", "a"), 12);
        // c = 1,0,1,0 is independent of a: p_ac = 0.25 = 0.5 * 0.5.
        Assert.Equal(0, correlations.Phi("a", "c"), 12);
    }

    [Fact]
    public void Aliases_are_same_or_opposite_labels_and_are_never_conditions()
    {
        // not_a is exactly the opposite of a; b is correlated with a but not the same.
        sbyte[][] rows = [[1, -1, 1], [1, -1, -1], [-1, 1, -1], [-1, 1, -1]];
        var correlations = new LabelCorrelations(rows, ["a", "not_a", "b"]);

        Assert.Equal(-1, correlations.Phi("a", "not_a"), 12);
        Assert.Equal(["not_a"], correlations.Aliases("a", DirectionConditions.AliasCorrelation));
        Assert.Equal(["b"], correlations.Correlated("a", 0.2, DirectionConditions.AliasCorrelation));
        var conditions = AttributeDirections.ConditionsBy(new DirectionConditions(), correlations);
        Assert.Equal(["b"], conditions("a"));
        var named = AttributeDirections.ConditionsBy(new DirectionConditions { Named = new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["not_a"] } }, correlations);
        Assert.Equal(["not_a"], named("a"));
    }

    [Fact]
    public void Automatic_conditions_are_the_strongest_few_and_never_a_hair_colour_for_a_hair_colour()
    {
        // Bald never with Gray_Hair and only on men; Young correlates weakly (phi 0.26).
        string[] names = ["Bald", "Gray_Hair", "Male", "Young"];
        sbyte[][] rows = [[1, -1, 1, 1], [1, -1, 1, -1], [-1, 1, 1, 1], [-1, 1, -1, -1], [-1, -1, -1, 1], [-1, 1, -1, -1], [1, -1, 1, 1], [-1, -1, 1, -1]];
        var correlations = new LabelCorrelations(rows, names);
        // Gray_Hair ties with Male for the strongest (|phi| 0.6 both, Gray_Hair first): only the exclusion keeps it out.
        Assert.Equal(-0.6, correlations.Phi("Bald", "Gray_Hair"), 6);
        Assert.Equal(0.6, correlations.Phi("Bald", "Male"), 6);

        var conditions = AttributeDirections.ConditionsBy(new DirectionConditions { MaxConditions = 1 }, correlations);

        Assert.Equal(["Male"], conditions("Bald"));
        Assert.Equal(["Bald", "Black_Hair", "Blond_Hair", "Brown_Hair"], VaeFaces.Ml.Data.CelebAAttributes.ExclusiveWith("gray_hair"));
        Assert.Empty(VaeFaces.Ml.Data.CelebAAttributes.ExclusiveWith("Male"));
    }

    /// <summary>Codes in 2-D: the attribute moves x by 2 and, correlated with it, a second attribute moves y by 1.</summary>
    private static (LatentCodes Codes, sbyte[][] Rows) TwoAttributes()
    {
        var random = new Random(3);
        var mean = new List<float>();
        var rows = new List<sbyte[]>();
        for (var n = 0; n < 400; n++)
        {
            var a = n % 2 == 0;
            var b = a ? n % 4 == 0 || n % 8 == 2 : n % 8 == 1;
            mean.Add((float)((a ? 2 : 0) + random.NextDouble() * 0.5));
            mean.Add((float)((b ? 1 : 0) + random.NextDouble() * 0.5));
            rows.Add([a ? (sbyte)1 : (sbyte)-1, b ? (sbyte)1 : (sbyte)-1]);
        }
        return (new LatentCodes([.. mean], new float[mean.Count], 400, 2), [.. rows]);
    }

    [Fact]
    public void Every_method_is_as_long_as_the_mean_difference_and_points_towards_the_positives()
    {
        var (codes, rows) = TwoAttributes();
        string[] names = ["a", "b"];
        var meanDifference = AttributeVectors.Fit(codes, rows, names, 10).Vectors[0];
        // By hand: a moves x by 2 (plus noise of mean 0.25 on both sides), and b, likelier with a, moves y by 0.5 on average.
        Assert.Equal(2, meanDifference.Vector[0], 1);
        Assert.Equal(0.5, meanDifference.Vector[1], 1);

        foreach (var method in Enum.GetValues<DirectionMethod>())
        {
            var a = AttributeDirections.Fit(method, codes, rows, names, 10, _ => ["b"]).Vectors.Single(v => v.Name == "a");
            Assert.Equal(meanDifference.Norm, a.Norm, 4);
            Assert.True(AttributeDirections.ClassMeanGap(codes, rows.Select(r => r[0] > 0).ToArray(), a.Vector) > 0, method.ToString());
        }
        Assert.Equal(meanDifference.Vector, AttributeDirections.Fit(DirectionMethod.MeanDifference, codes, rows, names, 10).Vectors[0].Vector);
    }

    [Fact]
    public void The_conditional_direction_is_orthogonal_to_its_conditions_normal_and_names_them()
    {
        var (codes, rows) = TwoAttributes();
        string[] names = ["a", "b"];
        var linear = AttributeDirections.Fit(DirectionMethod.Linear, codes, rows, names, 10);
        var conditional = AttributeDirections.Fit(DirectionMethod.Conditional, codes, rows, names, 10, name => name == "a" ? ["B"] : []);

        var a = conditional.Vectors.Single(v => v.Name == "a");
        var bNormal = linear.Vectors.Single(v => v.Name == "b").Vector;
        Assert.Equal(["b"], a.Conditions);
        Assert.Equal(0, AttributeVectors.Dot(Directions.Normalise(a.Vector), Directions.Normalise(bNormal)), 5);
        // The mean difference of a drags b along (b is likelier with a); the conditional one does not move b's score.
        var meanDifference = AttributeDirections.Fit(DirectionMethod.MeanDifference, codes, rows, names, 10).Vectors[0];
        Assert.True(Math.Abs(AttributeVectors.Dot(meanDifference.Vector, bNormal)) > 0.1);
    }

    [Theory]
    [InlineData("mean-difference", DirectionMethod.MeanDifference)]
    [InlineData("LINEAR", DirectionMethod.Linear)]
    [InlineData("conditional", DirectionMethod.Conditional)]
    public void Method_names_are_the_contract_s(string name, DirectionMethod method)
    {
        Assert.Equal(method, AttributeDirections.Parse(name));
        Assert.Equal(name.ToLowerInvariant(), AttributeDirections.Name(method));
    }
}

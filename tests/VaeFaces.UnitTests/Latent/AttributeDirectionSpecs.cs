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
    public void Aliases_are_same_or_opposite_labels()
    {
        // not_a is exactly the opposite of a; b is correlated with a but not the same.
        sbyte[][] rows = [[1, -1, 1], [1, -1, -1], [-1, 1, -1], [-1, 1, -1]];
        var correlations = new LabelCorrelations(rows, ["a", "not_a", "b"]);

        Assert.Equal(-1, correlations.Phi("a", "not_a"), 12);
        Assert.Equal(["not_a"], correlations.Aliases("a", DirectionConditions.AliasCorrelation));
        Assert.Empty(correlations.Aliases("b", DirectionConditions.AliasCorrelation));
    }

    [Fact]
    public void Automatic_conditions_are_the_most_entangled_normals_never_an_alias_nor_a_hair_colour_for_bald()
    {
        string[] names = ["Bald", "Gray_Hair", "Male", "Young", "Mustache", "Hairless"];
        // Hairless is Bald under another name; the other labels only need to differ from it.
        sbyte[][] rows = [[1, -1, 1, 1, -1, 1], [1, -1, -1, -1, 1, 1], [-1, 1, 1, -1, -1, -1], [-1, -1, -1, 1, 1, -1]];
        AttributeVector Normal(string name, params float[] v) => new(name, v, 10, 10, AttributeVectors.Norm(v));
        var normals = new AttributeVectorSet(
        [
            Normal("Bald", 1, 0, 0), Normal("Gray_Hair", 0.9f, 0.1f, 0), Normal("Male", 0.6f, 0.8f, 0), Normal("Young", 0.05f, 0, 1),
            Normal("Mustache", -0.3f, 0.95f, 0), Normal("Hairless", 1, 0.01f, 0),
        ], []);
        var correlations = new LabelCorrelations(rows, names);

        // |cos| with Bald: Hairless 1.0 (alias), Gray_Hair 0.99 (exclusive), Male 0.6, Mustache 0.3, Young 0.05 (< MinCosine).
        Assert.Equal(["Male", "Mustache"], AttributeDirections.ConditionsOf(normals.Vectors[0], normals, new DirectionConditions(), correlations));
        Assert.Equal(["Male"], AttributeDirections.ConditionsOf(normals.Vectors[0], normals, new DirectionConditions { MaxConditions = 1 }, correlations));
        var named = new DirectionConditions { Named = new Dictionary<string, IReadOnlyList<string>> { ["bald"] = ["Young"] } };
        Assert.Equal(["Young"], AttributeDirections.ConditionsOf(normals.Vectors[0], normals, named, correlations));
        Assert.Equal(["Bald", "Black_Hair", "Blond_Hair", "Brown_Hair"], VaeFaces.Ml.Data.CelebAAttributes.ExclusiveWith("gray_hair"));
        Assert.Empty(VaeFaces.Ml.Data.CelebAAttributes.ExclusiveWith("Male"));
    }

    private static readonly DirectionConditions OnB = new() { Named = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["B"] } };

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
            var a = AttributeDirections.Fit(method, codes, rows, names, 10, OnB).Vectors.Single(v => v.Name == "a");
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
        var conditional = AttributeDirections.Fit(DirectionMethod.Conditional, codes, rows, names, 10, OnB);

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

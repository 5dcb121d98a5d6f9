using VaeFaces.Ml.Latent;

namespace VaeFaces.UnitTests.Latent;

public class DirectionSpecs
{
    [Fact]
    public void A_conditional_direction_is_a_unit_vector_orthogonal_to_every_condition()
    {
        float[] primary = [1, 2, 3, 4, 5];
        float[][] conditions = [[1, 1, 0, 0, 0], [0, 1, 1, 1, 0], [0.5f, 0, 0, 0, 2]];

        var direction = Directions.Conditional(primary, conditions);

        Assert.Equal(1, AttributeVectors.Norm(direction), 6);
        Assert.All(conditions, c => Assert.Equal(0, AttributeVectors.Dot(direction, c), 5));
        // Still the primary attribute's direction: what is left of it points the same way.
        Assert.True(AttributeVectors.Dot(direction, primary) > 0);
    }

    [Fact]
    public void Projecting_out_one_axis_removes_that_component_by_hand()
    {
        // (3, 4, 0) without its x component is (0, 4, 0), which normalises to (0, 1, 0).
        var direction = Directions.Conditional([3, 4, 0], [[2, 0, 0]]);

        Assert.Equal([0f, 1f, 0f], direction.Select(v => MathF.Round(v, 6)));
    }

    [Fact]
    public void A_direction_already_orthogonal_to_its_conditions_is_only_normalised()
    {
        var direction = Directions.Conditional([0, 3, 4], [[1, 0, 0]]);

        Assert.Equal([0f, 0.6f, 0.8f], direction.Select(v => MathF.Round(v, 6)));
    }

    [Fact]
    public void Dependent_conditions_count_once_and_a_primary_in_their_span_is_refused()
    {
        float[][] conditions = [[1, 0, 0], [2, 0, 0], [1, 1, 0]];

        Assert.Equal([0f, 0f, 1f], Directions.Conditional([1, 2, 3], conditions).Select(v => MathF.Round(v, 6)));
        Assert.Throws<ArgumentException>(() => Directions.Conditional([3, -1, 0], conditions));
    }

    [Fact]
    public void Conditioning_by_name_keeps_the_primary_name_and_counts()
    {
        var set = new AttributeVectorSet(
            [new AttributeVector("Mustache", [1, 1], 10, 90, Math.Sqrt(2)), new AttributeVector("Male", [1, 0], 50, 50, 1)], []);

        var mustache = ConditionalDirections.Condition(set, "Mustache", ["Male"]);

        Assert.Equal(("Mustache", 10, 90, 1.0), (mustache.Name, mustache.Positives, mustache.Negatives, mustache.Norm));
        Assert.Equal([0f, 1f], mustache.Vector);
        Assert.Throws<ArgumentException>(() => ConditionalDirections.Condition(set, "Mustache", ["Bald"]));
    }
}

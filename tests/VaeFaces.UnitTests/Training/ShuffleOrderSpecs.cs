using VaeFaces.Ml.Data;

namespace VaeFaces.UnitTests.Training;

public class ShuffleOrderSpecs
{
    [Fact]
    public void The_order_of_an_epoch_is_a_fixed_function_of_seed_and_epoch()
    {
        // Written down once: a change of algorithm (or a salted hash) would change every process' training order.
        Assert.Equal([3, 6, 1, 4, 7, 5, 2, 0, 8, 9], BatchLoader.ShuffledOrder(10, 42, 3));
        Assert.Equal(BatchLoader.ShuffledOrder(1000, 7, 2), BatchLoader.ShuffledOrder(1000, 7, 2));
    }

    [Fact]
    public void Each_epoch_and_each_seed_shuffles_differently()
    {
        Assert.NotEqual(BatchLoader.ShuffledOrder(1000, 7, 0), BatchLoader.ShuffledOrder(1000, 7, 1));
        Assert.NotEqual(BatchLoader.ShuffledOrder(1000, 7, 0), BatchLoader.ShuffledOrder(1000, 8, 0));
        Assert.Equal(Enumerable.Range(0, 1000), BatchLoader.ShuffledOrder(1000, 7, 0).Order());
    }
}

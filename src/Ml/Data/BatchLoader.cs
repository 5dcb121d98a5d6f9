using System.Threading.Channels;

namespace VaeFaces.Ml.Data;

/// <summary>A batch of images as float CHW in [0, 1]; Pixels may be longer than Count images (reused buffers).</summary>
public sealed record ImageBatchBuffer(float[] Pixels, int[] Rows)
{
    public int Count { get; set; }
}

/// <summary>
/// Produces shuffled float batches from decoded images on a background thread, a few batches ahead, so the model
/// never waits for data. Buffers are recycled: hand each one back with Return once it is copied into a tensor.
/// </summary>
public sealed class BatchLoader : IAsyncDisposable
{
    private const int Prefetch = 3;

    private readonly Channel<ImageBatchBuffer> ready = Channel.CreateBounded<ImageBatchBuffer>(Prefetch);
    private readonly Channel<ImageBatchBuffer> free = Channel.CreateUnbounded<ImageBatchBuffer>();
    private readonly CancellationTokenSource stop;
    private readonly Task producer;

    /// <param name="order">Rows in the order to serve them (already shuffled for training).</param>
    public BatchLoader(DecodedImages images, IReadOnlyList<int> order, int batchSize, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var i = 0; i < Prefetch + 2; i++)
            free.Writer.TryWrite(new ImageBatchBuffer(new float[batchSize * 3 * images.Size * images.Size], new int[batchSize]));
        producer = Task.Run(() => ProduceAsync(images, order, batchSize, stop.Token));
    }

    /// <summary>
    /// The training order of an epoch, a function of (seed, epoch) only: every process, and a resumed run, shuffles the
    /// same way. Seeded System.Random is a fixed algorithm; HashCode.Combine is not used because it is salted per process.
    /// </summary>
    public static int[] ShuffledOrder(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(unchecked(seed * 1_000_003 + epoch)).Shuffle(order);
        return order;
    }

    public IAsyncEnumerable<ImageBatchBuffer> ReadAllAsync() => ready.Reader.ReadAllAsync(stop.Token);

    public void Return(ImageBatchBuffer batch) => free.Writer.TryWrite(batch);

    private async Task ProduceAsync(DecodedImages images, IReadOnlyList<int> order, int batchSize, CancellationToken token)
    {
        try
        {
            for (var start = 0; start < order.Count; start += batchSize)
            {
                var batch = await free.Reader.ReadAsync(token);
                batch.Count = Math.Min(batchSize, order.Count - start);
                for (var i = 0; i < batch.Count; i++) batch.Rows[i] = order[start + i];
                images.CopyAsFloats(batch.Rows.AsSpan(0, batch.Count), batch.Pixels);
                await ready.Writer.WriteAsync(batch, token);
            }
            ready.Writer.TryComplete();
        }
        catch (Exception e)
        {
            ready.Writer.TryComplete(e is OperationCanceledException ? null : e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await producer;
        stop.Dispose();
    }
}

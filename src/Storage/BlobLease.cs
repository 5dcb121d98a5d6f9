using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace VaeFaces.Storage;

/// <summary>A lease held on a blob: renewed on a timer until disposed, then released.</summary>
internal sealed class BlobLease : IAsyncDisposable
{
    private readonly BlobLeaseClient lease;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private int disposed;

    private BlobLease(BlobLeaseClient lease, TimeSpan renewal)
    {
        this.lease = lease;
        renewing = RenewAsync(renewal);
    }

    /// <summary>
    /// A lease of the given duration on the blob (created empty if missing; its container must exist), renewed every
    /// renewal period; null while another holder has it. A holder that dies loses it when the lease expires.
    /// </summary>
    public static async Task<BlobLease?> TryAcquireAsync(BlobClient blob, TimeSpan duration, TimeSpan renewal, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists (and may be leased).
        }
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // LeaseAlreadyPresent (or a lease being broken).
            return null;
        }
        return new BlobLease(lease, renewal);
    }

    private async Task RenewAsync(TimeSpan every)
    {
        try
        {
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    await lease.RenewAsync(cancellationToken: stop.Token);
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // A failed renewal is tried again at the next tick; the lease lasts three periods.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        await stop.CancelAsync();
        await renewing;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await lease.ReleaseAsync(cancellationToken: timeout.Token);
        }
        catch (Exception)
        {
            // The lease expires anyway.
        }
        stop.Dispose();
    }
}

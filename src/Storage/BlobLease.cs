using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace VaeFaces.Storage;

/// <summary>
/// A lease held on a blob: renewed on a timer until disposed, then released. It counts itself lost when a renewal is
/// refused (broken, taken, or the blob gone: 404, 409, 412), or when no renewal was confirmed for the lease's duration
/// less one renewal period: the holder stops writing a period before the service can give the lease to another.
/// </summary>
internal sealed class BlobLease : IBlobLock
{
    private readonly BlobLeaseClient lease;
    private readonly TimeSpan safeFor;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task renewing;
    private string? lostReason;
    private string lastError = "none";
    private int disposed;

    private BlobLease(BlobLeaseClient lease, TimeSpan duration, TimeSpan renewal, long acquiredSent)
    {
        this.lease = lease;
        safeFor = duration - renewal;
        lost.Token.Register(() => Interlocked.CompareExchange(ref lostReason,
            $"no renewal of the lease on {lease.Uri.AbsolutePath} confirmed for {safeFor.TotalSeconds:0.#} s (last error: {lastError})", null));
        Confirmed(acquiredSent);
        renewing = RenewAsync(renewal);
    }

    public CancellationToken Lost => lost.Token;

    public string? LostReason => lostReason;

    /// <summary>
    /// A lease of the given duration on the blob (created empty if missing; its container must exist), renewed every
    /// renewal period; null while another holder has it. A holder that dies loses it when the lease expires.
    /// </summary>
    public static async Task<BlobLease?> TryAcquireAsync(BlobClient blob, TimeSpan duration, TimeSpan renewal, CancellationToken cancellationToken)
    {
        if (renewal * 2 > duration) throw new ArgumentOutOfRangeException(nameof(renewal), "a lease needs at least two renewals per duration");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists (and may be leased).
        }
        var lease = blob.GetBlobLeaseClient();
        var sent = Stopwatch.GetTimestamp();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // LeaseAlreadyPresent (or a lease being broken).
            return null;
        }
        return new BlobLease(lease, duration, renewal, sent);
    }

    /// <summary>The service confirmed the lease for its whole duration from when the request was sent, at the latest.</summary>
    private void Confirmed(long sent)
    {
        var left = safeFor - Stopwatch.GetElapsedTime(sent);
        if (left <= TimeSpan.Zero) lost.Cancel();
        else lost.CancelAfter(left);
    }

    private async Task RenewAsync(TimeSpan every)
    {
        try
        {
            using var timer = new PeriodicTimer(every);
            while (!lost.IsCancellationRequested && await timer.WaitForNextTickAsync(stop.Token))
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    // A renewal that hangs must not outlast the lease: each gets one period.
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, lost.Token);
                    attempt.CancelAfter(every);
                    await lease.RenewAsync(cancellationToken: attempt.Token);
                    if (!lost.IsCancellationRequested) Confirmed(sent);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
                {
                    // Broken, taken by another, or the blob deleted: the lease is gone for good.
                    Interlocked.CompareExchange(ref lostReason, $"the lease on {lease.Uri.AbsolutePath} was refused on renewal ({e.Status} {e.ErrorCode})", null);
                    await lost.CancelAsync();
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    // Tried again at the next tick, until the lease can no longer be counted on.
                    lastError = e is OperationCanceledException ? "a renewal timed out" : $"{e.GetType().Name}: {e.Message}";
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
        if (!lost.IsCancellationRequested)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await lease.ReleaseAsync(cancellationToken: timeout.Token);
            }
            catch (Exception)
            {
                // The lease expires anyway.
            }
        }
        stop.Dispose();
        lost.Dispose();
    }
}

namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// Counts finished images across threads and reports the count every few images and at the end, never going
/// backwards, so a progress bar fed from Parallel.For neither floods nor jumps back.
/// </summary>
internal sealed class OrderedProgress(IProgress<int>? progress, int every = 64)
{
    private readonly Lock gate = new();
    private int done;
    private int reported;

    public void OneMore()
    {
        if (progress is null) return;
        // Reported under the lock so that reports arrive in order; the callback is expected to be cheap.
        lock (gate)
        {
            done++;
            if (done - reported >= every) Report();
        }
    }

    public void Finish()
    {
        if (progress is null) return;
        lock (gate)
        {
            if (done != reported) Report();
        }
    }

    private void Report()
    {
        reported = done;
        progress!.Report(done);
    }
}

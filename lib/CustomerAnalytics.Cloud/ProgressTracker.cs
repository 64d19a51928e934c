namespace CustomerAnalytics.Cloud;

/// <summary>Adds up bytes from SDK events (possibly from several parts at once) and reports them;
/// completion is reported exactly once, by <see cref="Complete"/>, after the transfer really finished.</summary>
internal sealed class ProgressTracker(IProgress<TransferProgress>? progress, string uri, TransferDirection direction, long total)
{
    private long _transferred;

    public void Add(long bytes)
    {
        if (progress is null || bytes <= 0) return;
        var now = Interlocked.Add(ref _transferred, bytes);
        if (now < total) progress.Report(new TransferProgress(uri, direction, now, total));
    }

    public void Complete() => progress?.Report(new TransferProgress(uri, direction, total, total));
}

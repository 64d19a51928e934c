using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Serving;

/// <summary>
/// Writes captured records as JSON Lines, one file per hour (<c>yyyy/MM/dd/HH/capture-&lt;start&gt;.jsonl</c>), from a
/// bounded queue: a request never waits for the disk; when the writer falls <see cref="CaptureOptions.QueueCapacity"/>
/// records behind, a record is dropped and counted (<see cref="Dropped"/>, in /health). Written lines are flushed every
/// <see cref="CaptureOptions.FlushInterval"/>; a graceful stop writes everything accepted before the process ends.
/// </summary>
public sealed class CaptureWriter(CaptureOptions options) : BackgroundService
{
    private readonly Channel<CaptureRecord> queue = Channel.CreateBounded<CaptureRecord>(
        new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly string run = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.ProcessId;
    private long accepted, written, dropped, sampledOut, flushed;

    /// <summary>Records queued for writing.</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Records written to a file.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>Records dropped because the writer was too far behind.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Requests left out by the sampling percentage.</summary>
    public long SampledOut => Interlocked.Read(ref sampledOut);

    /// <summary>The capture folder.</summary>
    public string Folder => options.Folder;

    /// <summary>Queues one exchange (named by the event id its answer gave), unless sampling leaves it out or the queue is full (then it is counted as dropped).</summary>
    public void Capture(string eventId, CapturedBody request, string response, string? rejectionReason)
    {
        if (options.SamplingPercentage < 100 && Random.Shared.NextDouble() * 100 >= options.SamplingPercentage)
        {
            Interlocked.Increment(ref sampledOut);
            return;
        }
        var record = new CaptureRecord(
            new CaptureData(request, new CapturedBody(rejectionReason is null ? "application/json" : "application/problem+json", "OUTPUT", response)),
            new EventMetadata(eventId, DateTime.UtcNow, rejectionReason));
        if (queue.Writer.TryWrite(record)) Interlocked.Increment(ref accepted);
        else Interlocked.Increment(ref dropped);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        StreamWriter? file = null;
        string? path = null;
        var lastFlush = DateTime.UtcNow;
        try
        {
            // Reads until the queue is completed at stop, not until stoppingToken: what was accepted is written.
            while (await WaitToRead(options.FlushInterval))
            {
                while (queue.Reader.TryRead(out var record))
                {
                    var target = PathFor(record.EventMetadata.InferenceTime);
                    if (target != path)
                    {
                        if (file is not null) await file.DisposeAsync();
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        file = new StreamWriter(new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
                        path = target;
                    }
                    await file!.WriteAsync(JsonSerializer.Serialize(record) + "\n");
                    Interlocked.Increment(ref written);
                }
                if (file is not null && DateTime.UtcNow - lastFlush >= options.FlushInterval)
                {
                    await file.FlushAsync(CancellationToken.None);
                    lastFlush = DateTime.UtcNow;
                    Interlocked.Exchange(ref flushed, Written);
                }
            }
        }
        finally
        {
            if (file is not null) await file.DisposeAsync();
        }
    }

    /// <summary>Completes when every record accepted before the call is written and flushed to disk (within about two flush intervals).</summary>
    public async Task FlushedAsync(CancellationToken cancellationToken)
    {
        var target = Accepted;
        while (Interlocked.Read(ref flushed) < target) await Task.Delay(50, cancellationToken);
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (ExecuteTask is { } writing) await writing.WaitAsync(cancellationToken);
    }

    // True when there may be records to read (or the flush interval passed); false once the queue is completed and empty.
    private async Task<bool> WaitToRead(TimeSpan flushInterval)
    {
        using var tick = new CancellationTokenSource(flushInterval);
        try { return await queue.Reader.WaitToReadAsync(tick.Token); }
        catch (OperationCanceledException) { return true; }
    }

    private string PathFor(DateTime utc) => Path.Combine(options.Folder,
        utc.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), utc.ToString("MM", System.Globalization.CultureInfo.InvariantCulture),
        utc.ToString("dd", System.Globalization.CultureInfo.InvariantCulture), utc.ToString("HH", System.Globalization.CultureInfo.InvariantCulture),
        $"capture-{run}.jsonl");
}

namespace CustomerAnalytics.Serving;

/// <summary>Data capture: where each request and its answer are recorded, how many, and how often the files are flushed.</summary>
/// <param name="Folder">The capture folder; records go to <c>Folder/yyyy/MM/dd/HH/*.jsonl</c> by the hour they were answered.</param>
/// <param name="SamplingPercentage">Share of requests captured, 0-100 (default all).</param>
public sealed record CaptureOptions(string Folder, double SamplingPercentage = 100)
{
    /// <summary>How often written records are flushed to disk: at most this much is lost when the process is killed.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Records waiting for the writer; when it falls this far behind, further records are dropped and counted.</summary>
    public int QueueCapacity { get; init; } = 10_000;
}

namespace CustomerAnalytics.Serving;

/// <summary>What <see cref="CaptureReader"/> found: the whole records, and the torn last lines ("file:line") it left out.</summary>
public sealed record CaptureRead(IReadOnlyList<CaptureRecord> Records, IReadOnlyList<string> Torn);

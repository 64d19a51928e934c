namespace CustomerAnalytics.Serving;

/// <summary>Data capture in /health: where it writes, records accepted and written, dropped (the writer too far behind) and left out by sampling.</summary>
public sealed record CaptureInfo(string Folder, long Accepted, long Written, long Dropped, long SampledOut);

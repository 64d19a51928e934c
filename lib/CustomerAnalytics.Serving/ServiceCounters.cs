using System.Collections.Concurrent;

namespace CustomerAnalytics.Serving;

/// <summary>What the service has answered since it started: predictions made and requests rejected, by reason.</summary>
public sealed class ServiceCounters
{
    private long predictions;
    private readonly ConcurrentDictionary<string, long> rejected = new(StringComparer.Ordinal);

    /// <summary>Sessions scored.</summary>
    public long Predictions => Interlocked.Read(ref predictions);

    /// <summary>Rejected requests by reason ("malformed-json", "body-too-large", "invalid-fields", ...).</summary>
    public IReadOnlyDictionary<string, long> Rejected => new SortedDictionary<string, long>(rejected, StringComparer.Ordinal);

    internal void Scored(int sessions) => Interlocked.Add(ref predictions, sessions);

    internal void Reject(string reason) => rejected.AddOrUpdate(reason, 1, (_, n) => n + 1);
}

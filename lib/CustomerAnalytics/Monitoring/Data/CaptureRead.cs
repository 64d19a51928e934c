namespace CustomerAnalytics.Monitoring.Data;

/// <summary>What <see cref="CaptureReader"/> found: the whole records, and the torn last lines ("file:line") it left out.</summary>
public sealed record CaptureRead(IReadOnlyList<CaptureRecord> Records, IReadOnlyList<string> Torn)
{
    /// <summary>
    /// The sessions of the JSON requests answered in [<paramref name="from"/>, <paramref name="to"/>), refused ones
    /// included (a refused value is what a data type check is for), without the fields in <paramref name="notFeatures"/>.
    /// </summary>
    public IReadOnlyList<MonitoredRow> Rows(IReadOnlySet<string> notFeatures, DateTime from, DateTime to) => Records
        .Where(r => r.EventMetadata.InferenceTime >= from && r.EventMetadata.InferenceTime < to && r.CaptureData.EndpointInput.Encoding == "JSON")
        .SelectMany(r => MonitoredRow.FromRequest(r.CaptureData.EndpointInput.Data, notFeatures))
        .ToArray();
}

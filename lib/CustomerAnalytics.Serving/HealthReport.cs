namespace CustomerAnalytics.Serving;

/// <summary><c>GET /health</c>: the loaded models and what the service has answered.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<ServedModelInfo> Models, long Predictions, IReadOnlyDictionary<string, long> Rejected, CaptureInfo? Capture, MonitoringInfo? Monitoring)
{
    /// <summary>The report now.</summary>
    public static HealthReport Of(ModelHolder models, ServiceOptions options, ServiceCounters counters, CaptureWriter? capture, MonitoringSchedule? schedule)
    {
        var model = models.Current;
        return new HealthReport("ok",
            [new ServedModelInfo("propensity", model.Path, model.Sha256, model.WrittenUtc, model.LoadedUtc, options.Threshold, models.Reloads, models.LastReloadError)],
            counters.Predictions, counters.Rejected,
            capture is null ? null : new CaptureInfo(capture.Folder, capture.Accepted, capture.Written, capture.Dropped, capture.SampledOut),
            schedule is null ? null : new MonitoringInfo(schedule.Runs, schedule.LastRun));
    }
}

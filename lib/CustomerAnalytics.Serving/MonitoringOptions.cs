namespace CustomerAnalytics.Serving;

/// <summary>Where and how often the service monitors its captured traffic (Model Monitor's schedule, hourly by default).</summary>
/// <param name="BaselineFolder">statistics.json and constraints.json of the baseline job.</param>
/// <param name="Out">Where each run writes its violations, and distances.jsonl.</param>
public sealed record MonitoringOptions(string BaselineFolder, string Out)
{
    /// <summary>Length of a window: one run at the end of each.</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromHours(1);
}

namespace CustomerAnalytics.Serving;

/// <summary>Scheduled monitoring in /health: windows monitored so far and what the last run found.</summary>
public sealed record MonitoringInfo(int Runs, string? LastRun);

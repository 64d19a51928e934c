using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerAnalytics.Serving;

/// <summary>Runs a <see cref="MonitoringRun"/> over the capture at the end of every window while the service runs.</summary>
public sealed class MonitoringSchedule(MonitoringOptions options, CaptureWriter capture, ILogger<MonitoringSchedule> log) : BackgroundService
{
    private int runs;

    /// <summary>Windows monitored so far.</summary>
    public int Runs => Volatile.Read(ref runs);

    /// <summary>What the last run found ("3 violations in 2026-...") or why it failed; null before the first.</summary>
    public string? LastRun { get; private set; }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var start = DateTime.UtcNow;
        using var timer = new PeriodicTimer(options.Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var end = DateTime.UtcNow;
            try
            {
                // The capture writer flushes every second: wait it out, so the window's last records are on disk.
                await capture.FlushedAsync(stoppingToken);
                var (result, folder, _) = new MonitoringRun(options.BaselineFolder, capture.Folder, options.Out, start, end).Execute();
                LastRun = $"{result.Violations.Count} violation(s) in {result.Window.ItemCount:N0} rows, written to {folder}";
                log.LogInformation("Monitoring: {Summary}", LastRun);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                LastRun = $"failed: {e.Message}";
                log.LogError("Monitoring failed: {Error}", e.Message);
            }
            start = end;
            Interlocked.Increment(ref runs);
        }
    }
}

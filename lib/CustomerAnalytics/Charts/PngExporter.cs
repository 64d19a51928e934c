using System.Diagnostics;
using System.Globalization;
using Plotly.NET;

namespace CustomerAnalytics.Charts;

/// <summary>
/// Exports charts to PNG through one chromium per process (see <see cref="ChromiumSession"/>).
/// Exports are serialised: one page draws one chart at a time.
/// </summary>
internal static class PngExporter
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ChromiumSession? session;

    static PngExporter()
    {
        // A notebook kernel rarely disposes anything: make sure chromium does not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => session?.Kill();
    }

    public static async Task<PngExportResult> SaveAsync(GenericChart chart, string path, int width, int height, PngExportOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Scale);
        var fullPath = Path.GetFullPath(path);
        var chromium = ChromiumLocator.Find(options.ChromiumPath, out var whyNot);
        if (chromium is null) return PngExportResult.Skip(fullPath, width, height, whyNot);

        var figure = GenericChart.toJson(chart);
        await Gate.WaitAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            if (session is null || !session.IsAlive || session.ChromiumPath != chromium)
            {
                await CloseSessionAsync();
                session = await ChromiumSession.StartAsync(chromium, options.LaunchTimeout);
            }
            byte[] png;
            try
            {
                png = await session.RenderPngAsync(figure, width, height, options.Scale, options.RenderTimeout);
            }
            catch (ChartExportException)
            {
                await CloseSessionAsync(); // a stuck or crashed browser is not reused
                throw;
            }
            AtomicFile.WriteAllBytes(fullPath, png);
            return new PngExportResult(fullPath, true, width, height, clock.Elapsed,
                string.Create(CultureInfo.InvariantCulture, $"Wrote {fullPath} ({width}x{height}, {png.Length / 1024.0:0.0} KiB) in {clock.Elapsed.TotalSeconds:0.00} s."));
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task CloseAsync()
    {
        await Gate.WaitAsync();
        try { await CloseSessionAsync(); }
        finally { Gate.Release(); }
    }

    private static async Task CloseSessionAsync()
    {
        if (session is null) return;
        var closing = session;
        session = null;
        await closing.DisposeAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using CustomerAnalytics.Charts;
using Plotly.NET;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// Exports charts to PNG through one chromium (see <see cref="ChromiumSession"/>), started at the first export and
/// reused: starting chromium and loading plotly.js costs seconds, a render tens of milliseconds. The host owns the
/// exporter and disposes it (which closes chromium); exports are serialised, one page draws one chart at a time.
/// </summary>
/// <param name="options">Browser, timeouts and scale.</param>
public sealed class PngExporter(PngExportOptions options) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ChromiumSession? session;

    /// <summary>An exporter with <see cref="PngExportOptions.Default"/>.</summary>
    public PngExporter() : this(PngExportOptions.Default) { }

    /// <summary>The options exports use.</summary>
    public PngExportOptions Options { get; } = options;

    /// <summary>
    /// Writes the chart as a PNG of exactly <paramref name="width"/> x <paramref name="height"/> pixels (times
    /// <see cref="PngExportOptions.Scale"/>), drawn by plotly.js in headless chromium. Without chromium the result
    /// says so and how to install it (<see cref="PngExportResult.Skipped"/>).
    /// </summary>
    /// <exception cref="ChartExportException">Chromium was found but failed (crash, timeout).</exception>
    public PngExportResult Save(GenericChart chart, string path, int width = 900, int height = 500) =>
        // Task.Run: never block on async work under a caller's synchronization context.
        Task.Run(() => SaveAsync(chart, path, width, height)).GetAwaiter().GetResult();

    /// <inheritdoc cref="Save"/>
    public async Task<PngExportResult> SaveAsync(GenericChart chart, string path, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.Scale);
        var fullPath = Path.GetFullPath(path);
        var chromium = ChromiumLocator.Find(Options.ChromiumPath, out var whyNot);
        if (chromium is null) return PngExportResult.Skip(fullPath, width, height, whyNot);

        var figure = GenericChart.toJson(chart);
        await gate.WaitAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            if (session is null || !session.IsAlive || session.ChromiumPath != chromium)
            {
                await CloseSessionAsync();
                session = await ChromiumSession.StartAsync(chromium, Options.LaunchTimeout);
            }
            byte[] png;
            try
            {
                png = await session.RenderPngAsync(figure, width, height, Options.Scale, Options.RenderTimeout);
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
            gate.Release();
        }
    }

    /// <summary>Closes chromium (a later export starts it again). A killed host leaves none behind either: see <see cref="ChromiumWatchdog"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try { await CloseSessionAsync(); }
        finally { gate.Release(); }
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => Task.Run(async () => await DisposeAsync()).GetAwaiter().GetResult();

    private async Task CloseSessionAsync()
    {
        if (session is null) return;
        var closing = session;
        session = null;
        await closing.DisposeAsync();
    }
}

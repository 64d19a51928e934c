using CustomerAnalytics.Charts;
namespace CustomerAnalytics.Hosting;

/// <summary>How PNGs are exported. The defaults suit a laptop and a shared 2-core CI machine.</summary>
public sealed record PngExportOptions
{
    /// <summary>The defaults (chromium from the usual install paths).</summary>
    public static PngExportOptions Default { get; } = new();

    /// <summary>The chromium executable; null means the first of <see cref="ChromiumLocator.StandardPaths"/> that exists.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>
    /// How long chromium may take to start and load plotly.js (once per process). A laptop needs a few seconds; a
    /// shared 2-core machine running the test suite with every system call of chromium's traced (CI's loopback check)
    /// once needed more than 60, so the bound is generous: it only delays the error when chromium cannot start.
    /// </summary>
    public TimeSpan LaunchTimeout { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>How long plotly.js may take to draw one chart.</summary>
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pixel ratio: 2 gives a sharper image of twice the width and height.</summary>
    public double Scale { get; init; } = 1.0;
}

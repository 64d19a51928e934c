using CustomerAnalytics.Hosting;
using Plotly.NET;
using CsChart = Plotly.NET.CSharp.Chart;

namespace CustomerAnalytics.Tests.Charts;

/// <summary>
/// Tests that start headless chromium run one at a time: no library state is shared any more (each test has its own
/// workshop, page and exporter), but each chromium is a heavy external process, and several starting at once on the
/// 2-core CI machine ran into their launch timeouts. The tests that only build HTML run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChromiumCollection
{
    public const string Name = "Chromium (one headless browser at a time)";
}

internal static class ChartTestSupport
{
    /// <summary>
    /// The chromium to test PNG export with. Absent chromium fails the test (CI installs it) unless
    /// ALLOW_NO_CHROMIUM=1, in which case the caller returns early.
    /// </summary>
    public static string? RequireChromium()
    {
        var path = ChromiumLocator.Find(Environment.GetEnvironmentVariable(WorkshopSettings.ChromiumVariable), out var whyNot);
        if (path is not null) return path;
        if (Environment.GetEnvironmentVariable("ALLOW_NO_CHROMIUM") == "1") return null;
        Assert.Fail($"This test needs chromium: {whyNot} (Set ALLOW_NO_CHROMIUM=1 to let chromium tests pass without running.)");
        return null;
    }

    public static GenericChart BarChart(string traceName = "Customers") =>
        CsChart.Column<int, string, string>(
            values: [120, 340, 210, 80],
            Keys: new[] { "Champions", "Loyal", "At risk", "Lost" },
            Name: traceName);

    public static GenericChart Heatmap() =>
        CsChart.Heatmap<double, string, string, string>(
            zData: Enumerable.Range(0, 5).Select(r => Enumerable.Range(0, 5).Select(f => (double)(r * 5 + f)).ToArray()).ToArray(),
            X: new[] { "F1", "F2", "F3", "F4", "F5" },
            Y: new[] { "R1", "R2", "R3", "R4", "R5" },
            Name: "Customers by R and F");

    /// <summary>A workshop whose charts are saved in <paramref name="outputFolder"/> as HTML and, with
    /// <paramref name="png"/>, PNG (a headless run), or, with null, one in a notebook kernel (charts only shown).</summary>
    public static Workshop RunIn(string? outputFolder, PngExporter? png = null) =>
        new(RepositoryPaths.Root, outputFolder ?? Path.Combine(Path.GetTempPath(), "ca-kernel-charts"), RepositoryPaths.Root)
        {
            ChartOutput = outputFolder is null ? null : new ChartFiles(outputFolder, png),
        };

    /// <summary>
    /// Loads an HTML file in headless chromium (offline flags, fresh profile) and returns the screenshot.
    /// --virtual-time-budget lets timers and rendering finish before the shot.
    /// </summary>
    public static PngImage Screenshot(string chromium, string htmlPath, int width, int height)
    {
        var dir = Path.GetDirectoryName(htmlPath)!;
        var png = Path.Combine(dir, Path.GetFileNameWithoutExtension(htmlPath) + "-screenshot.png");
        var start = new System.Diagnostics.ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // The library's flags that keep chromium on 127.0.0.1 (CI's loopback check fails on any DNS query).
        foreach (var flag in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", .. ChromiumSession.LoopbackOnlyFlags,
                     "--user-data-dir=" + Path.Combine(dir, "profile-" + Guid.NewGuid().ToString("N")), "--hide-scrollbars",
                     $"--window-size={width},{height}", "--virtual-time-budget=10000", "--screenshot=" + png, new Uri(htmlPath).AbsoluteUri])
            start.ArgumentList.Add(flag);
        using var run = System.Diagnostics.Process.Start(start)!;
        var stderr = run.StandardError.ReadToEndAsync();
        _ = run.StandardOutput.ReadToEndAsync();
        Assert.True(run.WaitForExit(120_000), "chromium --screenshot did not finish in 120 s");
        Assert.True(File.Exists(png), $"chromium wrote no screenshot (exit {run.ExitCode}): {stderr.Result}");
        return PngImage.Decode(File.ReadAllBytes(png));
    }

    public static int Count(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}

/// <summary>A temporary folder deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("ca-charts-test-");
    public string FullName => Dir.FullName;
    public string File(params string[] parts) => Path.Combine([Dir.FullName, .. parts]);
    public void Dispose()
    {
        try { Dir.Delete(recursive: true); } catch (IOException) { /* a browser may still hold its profile for a moment */ }
    }
}

using CustomerAnalytics.Charts;
using CustomerAnalytics.Hosting;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;

namespace CustomerAnalytics.Tests.Charts;

[Collection(ChromiumCollection.Name)]
public sealed class PngExportTests : IDisposable
{
    // The exporter a host owns: one chromium, started by the first export, closed when the host disposes it.
    private readonly PngExporter _png = new();

    public void Dispose() => _png.Dispose();

    /// <summary>An export through an exporter of its own with <paramref name="options"/>, closed afterwards.</summary>
    private static PngExportResult SaveWith(PngExportOptions options, Plotly.NET.GenericChart chart, string path, int width, int height)
    {
        using var exporter = new PngExporter(options);
        return exporter.Save(chart, path, width, height);
    }

    [Fact]
    public void SavePngWritesARealPngOfTheRequestedSize()
    {
        if (RequireChromium() is null) return;
        using var temp = new TempFolder();
        var path = temp.File("bar.png");

        var result = _png.Save(BarChart(), path, 640, 360);

        Assert.True(result.Written, result.Message);
        Assert.Equal(Path.GetFullPath(path), result.Path);
        var bytes = File.ReadAllBytes(path);
        Assert.True(PngImage.HasSignature(bytes));
        Assert.Equal((640, 360), PngImage.ReadSize(bytes));
        var image = PngImage.Decode(bytes);
        Assert.True(image.DistinctColors() > 20, $"only {image.DistinctColors()} colours: looks blank");
        Assert.True(image.NonWhiteShare() > 0.10, $"only {image.NonWhiteShare():P1} non-white pixels: looks blank");
        Assert.True(image.ShareNear(0x636EFA) > 0.03, "the bars (plotly's default #636efa) are missing");
    }

    [Fact]
    public void ConsecutiveExportsReuseTheBrowserAndHonourEachSize()
    {
        if (RequireChromium() is null) return;
        using var temp = new TempFolder();

        var a = _png.Save(BarChart(), temp.File("a.png"), 300, 200);
        var b = _png.Save(ChartStyle.Workshop.Apply(Heatmap()), temp.File("b.png"), 500, 420);

        Assert.True(a.Written && b.Written, a.Message + " / " + b.Message);
        Assert.Equal((300, 200), PngImage.ReadSize(File.ReadAllBytes(a.Path)));
        var heatmap = PngImage.Decode(File.ReadAllBytes(b.Path));
        Assert.Equal((500, 420), (heatmap.Width, heatmap.Height));
        // The workshop heatmap runs from near-white to dark blue (#08306b).
        Assert.True(heatmap.ShareNear(0x08306B, 30) > 0.005, "the darkest heatmap cell colour is missing");
    }

    [Fact]
    public void ScaleMultipliesThePixelSize()
    {
        if (RequireChromium() is null) return;
        using var temp = new TempFolder();
        var path = temp.File("x2.png");
        var result = SaveWith(new PngExportOptions { Scale = 2 }, BarChart(), path, 200, 150);
        Assert.True(result.Written, result.Message);
        Assert.Equal((400, 300), PngImage.ReadSize(File.ReadAllBytes(path)));
    }

    [Fact]
    public void MissingChromiumSkipsWithInstallAdviceInsteadOfThrowing()
    {
        using var temp = new TempFolder();
        var path = temp.File("never.png");

        var result = SaveWith(new PngExportOptions { ChromiumPath = "/nonexistent/chromium" }, BarChart(), path, 400, 300);

        Assert.True(result.Skipped);
        Assert.False(result.Written);
        Assert.Contains("/nonexistent/chromium", result.Message);
        Assert.Contains("sudo apt-get install chromium", result.Message);
        Assert.Contains("brew install", result.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ABrowserThatDiesRaisesChartExportExceptionWithItsStderr()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // needs a shell script as a fake browser
        using var temp = new TempFolder();
        var fake = temp.File("fake-chromium");
        File.WriteAllText(fake, "#!/bin/sh\necho 'FATAL: cannot open display (fake)' >&2\nexit 3\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        var error = Assert.Throws<ChartExportException>(() =>
            SaveWith(new PngExportOptions { ChromiumPath = fake }, BarChart(), temp.File("x.png"), 100, 100));

        Assert.IsAssignableFrom<WorkshopException>(error);
        Assert.Equal(fake, error.ChromiumPath);
        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains(fake, error.Message);
        Assert.Contains("FATAL: cannot open display (fake)", error.Message);
    }

    [Fact]
    public void ABrowserThatNeverAnswersTimesOutWithAClearMessage()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var temp = new TempFolder();
        var fake = temp.File("silent-chromium");
        File.WriteAllText(fake, "#!/bin/sh\necho 'starting (fake)' >&2\nexec sleep 30\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        var error = Assert.Throws<ChartExportException>(() =>
            SaveWith(new PngExportOptions { ChromiumPath = fake, LaunchTimeout = TimeSpan.FromSeconds(1) }, BarChart(), temp.File("x.png"), 100, 100));

        Assert.Contains("within 1 s", error.Message);
        Assert.Contains("starting (fake)", error.StderrTail);
    }

    [Fact]
    public void RejectsNonPositiveSizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _png.Save(BarChart(), "x.png", 0, 100));
    }
}

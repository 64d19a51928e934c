using CustomerAnalytics.Hosting;
using Plotly.NET;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;
using ChartsApi = CustomerAnalytics.Charts.Charts;

namespace CustomerAnalytics.Tests.Charts;

[Collection(ChromiumCollection.Name)] // one test draws its PNG with chromium
public sealed class PublishTests
{
    [Fact]
    public void WritesHtmlAndPngNamedAfterTheChartInAHeadlessRun()
    {
        if (RequireChromium() is null) return;
        using var temp = new TempFolder();
        var dir = temp.Dir;
        using var png = new PngExporter();

        var published = ChartsApi.Publish(RunIn(dir.FullName, png), BarChart(), "RFM segments / 2024");

        var html = Path.Combine(dir.FullName, "RFM-segments-2024.html");
        var pngFile = Path.Combine(dir.FullName, "RFM-segments-2024.png");
        Assert.Equal(html, published.HtmlPath);
        Assert.Equal(pngFile, published.PngPath);
        Assert.Equal(["RFM-segments-2024.html", "RFM-segments-2024.png"], dir.GetFiles().Select(f => f.Name).Order());
        Assert.DoesNotMatch("<script[^>]*\\bsrc=", File.ReadAllText(html));
        Assert.Equal((1200, 540), PngImage.ReadSize(File.ReadAllBytes(pngFile)));
        // Workshop styling reached the PNG: bars in the first workshop colour, not plotly's default.
        var image = PngImage.Decode(File.ReadAllBytes(pngFile));
        Assert.True(image.ShareNear(0x0072B2) > 0.03, "bars should be the workshop blue #0072B2");
        Assert.True(image.ShareNear(0x636EFA) < 0.001, "plotly's default bar colour should be gone");
        Assert.Contains("RFM-segments-2024.png", published.ToString());
    }

    [Fact]
    public void WritesNothingInANotebookKernel()
    {
        var kernel = RunIn(null); // no chart output: the notebook displays its charts

        var published = ChartsApi.Publish(kernel, BarChart(), "quiet-chart");

        Assert.Null(published.Saved);
        Assert.Null(published.HtmlPath);
        Assert.Null(published.PngPath);
        Assert.False(File.Exists(Path.Combine(kernel.OutputFolder, "quiet-chart.html")));
        Assert.Contains("\"name\":\"Customers\"", published.ToHtml());
    }

    [Fact]
    public void MissingChromiumStillWritesHtmlAndWarnsInsteadOfFailing()
    {
        using var temp = new TempFolder();
        var dir = temp.Dir;
        using var noBrowser = new PngExporter(new PngExportOptions { ChromiumPath = "/nonexistent/chromium" });
        CustomerAnalytics.Charts.NotebookChart published = null!;
        var stderr = new StringWriter();
        var originalError = Console.Error;
        try
        {
            Console.SetError(stderr);
            published = ChartsApi.Publish(RunIn(dir.FullName, noBrowser), BarChart(), "fallback");
        }
        finally { Console.SetError(originalError); }

        Assert.True(File.Exists(Path.Combine(dir.FullName, "fallback.html")));
        Assert.False(File.Exists(Path.Combine(dir.FullName, "fallback.png")));
        Assert.Null(published.PngPath);
        Assert.NotNull(published.Saved!.Warning);
        Assert.StartsWith("warning: PNG export skipped", stderr.ToString());
        Assert.Contains("sudo apt-get install chromium", stderr.ToString());
        Assert.Contains("PNG export skipped", published.ToString());
    }

    [Fact]
    public void AppliesWorkshopStyleWithoutChangingTheCallersChart()
    {
        var chart = BarChart();
        var before = GenericChart.toJson(chart);

        var published = ChartsApi.Publish(RunIn(null), chart, "styled");

        Assert.Equal(before, GenericChart.toJson(chart));
        var json = GenericChart.toJson(published.Chart);
        Assert.DoesNotContain("\"width\":", json); // the width follows the output area
        Assert.Contains("\"height\":540", json);
        Assert.Contains("\"colorway\":[\"#0072B2\"", json);
    }

    [Fact]
    public void CustomStyleSetsTheHeightAndTheChartFillsTheOutputAreaWidth()
    {
        var style = CustomerAnalytics.Charts.ChartStyle.Workshop with { Width = 640, Height = 700 };
        var published = ChartsApi.Publish(RunIn(null), BarChart(), "tall", style);
        Assert.Null(GenericChart.tryGetLayoutSize(published.Chart).Item1);
        Assert.Equal(700, GenericChart.tryGetLayoutSize(published.Chart).Item2.Value);
        Assert.Contains("width:100%;height:700px;", published.ToHtml());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/// ???")]
    public void RejectsNamesThatMakeNoFileName(string name)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ChartsApi.Publish(RunIn(null), BarChart(), name));
        Assert.Equal("name", error.ParamName);
    }
}

using static CustomerAnalytics.Tests.Charts.ChartTestSupport;
using ChartsApi = CustomerAnalytics.Charts.Charts;

namespace CustomerAnalytics.Tests.Charts;

[Collection(ChromiumCollection.Name)] // one test takes a screenshot with chromium
public sealed class SaveHtmlTests
{
    [Fact]
    public void SavedPageInlinesPlotlyJsAndLinksNothing()
    {
        using var temp = new TempFolder();
        var path = ChartsApi.SaveHtml(BarChart("Saved trace"), temp.File("sub", "bar.html"));
        var html = File.ReadAllText(path);

        Assert.Equal(temp.File("sub", "bar.html"), path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(1, Count(html, "plotly.js v2.28.0"));
        Assert.DoesNotMatch("<script[^>]*\\bsrc=", html);
        Assert.DoesNotMatch("src=[\"']?https?:", html);
        Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", html);
        Assert.Contains("\"name\":\"Saved trace\"", html);
        Assert.Contains("<title>bar</title>", html);
    }

    [Fact]
    public void SavingHtmlDoesNotSpendTheNotebookEmbedding()
    {
        using var temp = new TempFolder();
        var workshop = RunIn(null);
        ChartsApi.SaveHtml(BarChart(), temp.File("a.html"));
        Assert.True(ChartsApi.Show(workshop, BarChart()).EmbedsPlotlyJsAfterRender());
    }

    [Fact]
    public void TitleIsHtmlEncoded()
    {
        using var temp = new TempFolder();
        var path = ChartsApi.SaveHtml(BarChart(), temp.File("t.html"), title: "R & F <segments>");
        Assert.Contains("<title>R &amp; F &lt;segments&gt;</title>", File.ReadAllText(path));
    }

    [Fact]
    public void SavedPageDrawsTheChartInChromiumWithoutNetwork()
    {
        var chromium = RequireChromium();
        if (chromium is null) return;
        using var temp = new TempFolder();
        var html = ChartsApi.SaveHtml(BarChart(), temp.File("bar.html"));

        var image = Screenshot(chromium, html, 700, 700);

        // Plotly's default bar colour #636efa covers a good part of the page only if plotly.js ran.
        Assert.True(image.ShareNear(0x636EFA) > 0.03, $"bars not drawn: {image.ShareNear(0x636EFA):P2} of pixels have the bar colour");
    }
}

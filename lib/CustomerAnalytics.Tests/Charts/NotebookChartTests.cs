using CustomerAnalytics.Charts;
using Plotly.NET;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;
using ChartsApi = CustomerAnalytics.Charts.Charts;

namespace CustomerAnalytics.Tests.Charts;

public sealed class NotebookChartTests
{
    private readonly Workshop _workshop = RunIn(null); // its own notebook page: no state shared with other tests

    private const string PlotlyJsBanner = "plotly.js v2.28.0";

    [Fact]
    public void FirstRenderedChartCarriesPlotlyJsAndTheSecondDoesNot()
    {
        _workshop.ResetEmbedding();
        var first = _workshop.Show(BarChart("First"));
        var second = _workshop.Show(BarChart("Second"));

        var firstHtml = first.ToHtml();
        var secondHtml = second.ToHtml();

        Assert.Equal(1, Count(firstHtml, PlotlyJsBanner));
        Assert.True(firstHtml.Length > 3_000_000, $"first chart should inline plotly.js (~3.6 MB), was {firstHtml.Length} chars");
        Assert.True(first.EmbedsPlotlyJs);
        Assert.Equal(0, Count(secondHtml, PlotlyJsBanner));
        Assert.True(secondHtml.Length < 50_000, $"second chart should be small, was {secondHtml.Length} chars");
        Assert.False(second.EmbedsPlotlyJs);
        Assert.Contains("Plotly.newPlot(", secondHtml);
    }

    [Fact]
    public void PlotlyJsGoesToTheFirstChartRenderedNotTheFirstCreated()
    {
        _workshop.ResetEmbedding();
        var createdFirst = _workshop.Show(BarChart());
        var renderedFirst = _workshop.Show(BarChart());

        Assert.Contains(PlotlyJsBanner, renderedFirst.ToHtml());
        Assert.DoesNotContain(PlotlyJsBanner, createdFirst.ToHtml());
    }

    [Fact]
    public void RenderingTwiceGivesTheSameHtml()
    {
        _workshop.ResetEmbedding();
        var chart = _workshop.Show(BarChart());
        Assert.Same(chart.ToHtml(), chart.ToHtml());
        Assert.DoesNotContain(PlotlyJsBanner, _workshop.Show(BarChart()).ToHtml());
    }

    [Fact]
    public void ResetEmbeddingMakesTheNextChartCarryPlotlyJsAgain()
    {
        _workshop.ResetEmbedding();
        _ = _workshop.Show(BarChart()).ToHtml();
        _workshop.ResetEmbedding();
        Assert.Contains(PlotlyJsBanner, _workshop.Show(BarChart()).ToHtml());
    }

    [Fact]
    public void ANewOutputDirectoryMeansANewNotebookPage()
    {
        var a = RunIn(null) with { OutputFolder = "/tmp/ca-notebook-a" };
        var b = RunIn(null) with { OutputFolder = "/tmp/ca-notebook-b" };
        Assert.True(ChartsApi.Publish(a, BarChart(), "first").EmbedsPlotlyJsAfterRender());
        Assert.False(ChartsApi.Publish(a, BarChart(), "second").EmbedsPlotlyJsAfterRender());
        Assert.True(ChartsApi.Publish(b, BarChart(), "third").EmbedsPlotlyJsAfterRender());
    }

    [Fact]
    public void HtmlContainsTheChartDataAndDrawsIntoItsOwnDiv()
    {
        var html = _workshop.Show(BarChart("Customers per segment")).ToHtml();

        Assert.Contains("\"name\":\"Customers per segment\"", html);
        Assert.Contains("\"At risk\"", html);
        Assert.Contains("[120,340,210,80]", html);
        var id = System.Text.RegularExpressions.Regex.Match(html, "<div id=\"(ca-chart-[0-9a-f]{32})\"").Groups[1].Value;
        Assert.Contains($"var id = \"{id}\";", html);
    }

    [Fact]
    public void ChartIdsAreUniqueSoOutputsOfEarlierSessionsDoNotCollide()
    {
        string Id(string html) => System.Text.RegularExpressions.Regex.Match(html, "id=\"(ca-chart-[0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEqual(Id(_workshop.Show(BarChart()).ToHtml()), Id(_workshop.Show(BarChart()).ToHtml()));
    }

    [Fact]
    public void ChartsWithoutPlotlyJsSayVisiblyWhatToDo()
    {
        _workshop.ResetEmbedding();
        _ = _workshop.Show(BarChart()).ToHtml();
        var html = _workshop.Show(BarChart()).ToHtml();

        Assert.Contains("if (window.Plotly)", html);
        Assert.Contains("plotly.js is not loaded in this page", html);
        Assert.Contains("ResetEmbedding()", html);
        // Where scripts never run, the placeholder explains the empty box.
        Assert.Contains("it needs JavaScript", html);
    }

    [Fact]
    public void LabelsCannotBreakOutOfTheScriptElement()
    {
        var html = _workshop.Show(BarChart("</script><b>bold</b><!--")).ToHtml();

        Assert.DoesNotContain("</script><b>", html);
        Assert.DoesNotContain("<!--", html);
        Assert.Contains("\\u003c/script>\\u003cb>bold", html);
    }

    [Fact]
    public void NotebookHtmlNeverLinksTheCdn()
    {
        _workshop.ResetEmbedding();
        var html = _workshop.Show(BarChart()).ToHtml();
        Assert.DoesNotMatch("<script[^>]*\\bsrc=", html);
    }

    [Fact]
    public void PlotlyJsIsWrappedSoRequireJsPagesStillGetTheGlobal()
    {
        _workshop.ResetEmbedding();
        var html = _workshop.Show(BarChart()).ToHtml();
        Assert.Contains("(function (define, module, exports) {", html);
        Assert.Contains("}).call(window);", html);
    }

    [Fact]
    public void PlainTextViewIsOneShortLine()
    {
        var text = _workshop.Show(BarChart()).ToString();
        Assert.Equal("Chart 'chart'", text);
    }
}

/// <summary>.NET Interactive's formatters are process-wide and the runner resets them per notebook: this test runs in
/// the runner's collection, not beside it.</summary>
[Collection(Runner.RunnerCollection.Name)]
public sealed class NotebookChartFormatterTests
{
    private readonly Workshop _workshop = RunIn(null);

    [Fact]
    public void DotNetInteractiveFormatsTheChartAsItsHtml()
    {
        _workshop.ResetEmbedding();
        var chart = _workshop.Show(BarChart("Formatted"));

        var html = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(chart, "text/html");
        var text = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(chart, "text/plain");

        Assert.StartsWith("<div class=\"ca-chart\"><script", html);
        Assert.Equal(chart.ToHtml(), html);
        Assert.Equal("Chart 'chart'", text);
    }
}

internal static class NotebookChartTestExtensions
{
    public static bool EmbedsPlotlyJsAfterRender(this CustomerAnalytics.Charts.NotebookChart chart)
    {
        _ = chart.ToHtml();
        return chart.EmbedsPlotlyJs;
    }
}

/// <summary>
/// Renders chart outputs the way a notebook front end does (JupyterLab and VS Code set the
/// output's innerHTML, then re-create each script element so it runs) and checks the pixels.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class NotebookPageTests
{
    private readonly Workshop _workshop = RunIn(null); // its own notebook page: no state shared with other tests

    [Fact]
    public void LaterOutputsDrawWithThePlotlyJsOfTheFirstOutput()
    {
        var chromium = RequireChromium();
        if (chromium is null) return;
        using var temp = new TempFolder();
        _workshop.ResetEmbedding();
        var first = _workshop.Show(SizedBar(0x636EFA)).ToHtml();
        var second = _workshop.Show(SizedBar(0xE69F00)).ToHtml();
        Assert.DoesNotContain("plotly.js v2.28.0", second);

        var image = Screenshot(chromium, NotebookPage(temp.File("page.html"), first, second), 500, 700);

        Assert.True(image.ShareNear(0x636EFA) > 0.02, "first output's bars are missing");
        Assert.True(image.ShareNear(0xE69F00) > 0.02, "second output did not draw with the shared plotly.js");
        Assert.True(image.ShareNear(0xB00020, 40) < 0.0001, "no output should show the missing-plotly.js notice");
    }

    [Fact]
    public void AnOutputWithoutPlotlyJsOnThePageSaysHowToFixIt()
    {
        var chromium = RequireChromium();
        if (chromium is null) return;
        using var temp = new TempFolder();
        _workshop.ResetEmbedding();
        _ = _workshop.Show(BarChart()).ToHtml(); // plotly.js went into an output that was then cleared
        var orphan = _workshop.Show(SizedBar(0xE69F00)).ToHtml();

        var image = Screenshot(chromium, NotebookPage(temp.File("cleared.html"), orphan), 500, 400);

        Assert.True(image.ShareNear(0xE69F00) < 0.001, "the chart cannot have been drawn without plotly.js");
        Assert.True(image.ShareNear(0xB00020, 40) > 0.001, "the red missing-plotly.js notice is not visible");
    }

    private static GenericChart SizedBar(int rgb) =>
        Plotly.NET.Chart.withSize(Microsoft.FSharp.Core.FSharpOption<int>.Some(450), Microsoft.FSharp.Core.FSharpOption<int>.Some(300))
            .Invoke(Plotly.NET.CSharp.Chart.Column<int, string, string>(values: [3, 5, 4], Keys: new[] { "a", "b", "c" },
                MarkerColor: Color.fromHex($"#{rgb:X6}")));

    private static string NotebookPage(string path, params string[] outputs)
    {
        var json = string.Join(",", outputs.Select(o => System.Text.Json.JsonSerializer.Serialize(o)));
        File.WriteAllText(path, $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
            <div id="notebook"></div>
            <script>
            // What JupyterLab's and VS Code's HTML renderers do with a text/html output.
            function addOutput(html) {
              var output = document.createElement("div");
              output.innerHTML = html;
              document.getElementById("notebook").appendChild(output);
              output.querySelectorAll("script").forEach(function (old) {
                var script = document.createElement("script");
                script.text = old.text;
                old.parentNode.replaceChild(script, old);
              });
            }
            [{{json}}].forEach(addOutput);
            </script></body></html>
            """);
        return path;
    }
}

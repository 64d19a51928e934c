using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerAnalytics.Charts;
using CustomerAnalytics.Runner;
using CustomerAnalytics.Tests.Charts;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>Runs report.ipynb (markdown, console output, an HTML table, two charts) and broken.ipynb once, and writes their reports.</summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public string Out { get; } = NewTempDirectory();
    public string Reports => Path.Combine(Out, "reports");
    public StringWriter Log { get; } = new();
    public NotebookResult Good { get; private set; } = null!;
    public NotebookReport GoodReport { get; private set; } = null!;
    public string GoodHtml { get; private set; } = "";
    public NotebookResult Broken { get; private set; } = null!;
    public string BrokenHtml { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var runner = new NotebookRunner(new NotebookRunOptions { OutputDirectory = Out, Timeout = TimeSpan.FromMinutes(5) }, Log);
        Good = await runner.RunAsync(Fixture("report.ipynb"));
        GoodReport = ReportWriter.Write(Good, Reports);
        GoodHtml = File.ReadAllText(GoodReport.Path);
        Broken = await runner.RunAsync(Fixture("broken.ipynb"));
        BrokenHtml = File.ReadAllText(ReportWriter.Write(Broken, Reports).Path);
    }

    public Task DisposeAsync()
    {
        DeleteQuietly(Out);
        return Task.CompletedTask;
    }
}

/// <summary>The HTML report of an executed notebook: content, order, plotly.js once, nothing from the web.</summary>
[Collection(RunnerCollection.Name)]
public sealed partial class NotebookReportTests(ReportFixture run, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Report_shows_rendered_markdown_the_code_and_its_outputs_in_notebook_order()
    {
        Assert.True(run.Good.Succeeded, run.Log.ToString());
        var html = run.GoodHtml;
        Assert.Equal(Path.Combine(run.Reports, "report.html"), run.GoodReport.Path);
        Assert.Equal("Segments at a glance", run.GoodReport.Title);

        string[] inOrder =
        [
            "<title>Segments at a glance · report</title>",
            "<a href=\"index.html\">",
            "<span class=\"status ok\">ok</span>",
            "<h1 id=\"segments-at-a-glance\">Segments at a glance</h1>",      // the markdown cell, the only h1
            "<strong>bold</strong>",
            "link to the docs <span class=\"url\">(https://example.com/docs)</span>",
            "<td>Champions</td>",
            "<pre class=\"source\"><code class=\"language-csharp\">#r &quot;../../CustomerAnalytics.dll&quot;",
            "<h2 id=\"counts\">Counts</h2>",
            "Console.WriteLine(&quot;segments counted: 4&quot;);",
            "<pre class=\"stream stdout\">segments counted: 4\n</pre>",
            "<caption>Customers per segment</caption>",
            "&quot;segment-sizes&quot;",
            "<div class=\"ca-chart\">",                                        // chart 1
            "workshop.Show(Plotly.NET.CSharp.Chart.Column&lt;int, string, string&gt;(values: new[] { 5, 3 }",
            "<div class=\"ca-chart\">",                                        // chart 2
        ];
        Assert.Equal(1, Charts.ChartTestSupport.Count(html, "Segments at a glance</h1>")); // not repeated in the header
        var at = 0;
        foreach (var part in inOrder)
        {
            var next = html.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{part}' missing or out of order (searched from offset {at})");
            at = next + part.Length;
        }
        Assert.Matches(@"report\.ipynb · run \d{4}-\d\d-\d\d \d\d:\d\d UTC · \d+\.\d s · 5/5 code cells", html);
    }

    [Fact]
    public void Report_with_charts_carries_plotly_js_exactly_once_in_its_head()
    {
        Assert.True(run.GoodReport.HasCharts);
        Assert.Equal(2, ChartTestSupport.Count(run.GoodHtml, "<div class=\"ca-chart\">"));
        Assert.Equal(1, ChartTestSupport.Count(run.GoodHtml, PlotlyJs.Marker));
        Assert.True(run.GoodHtml.IndexOf(PlotlyJs.Marker, StringComparison.Ordinal) < run.GoodHtml.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Equal(0, ChartTestSupport.Count(run.BrokenHtml, PlotlyJs.Marker)); // no charts, no 3.6 MB
    }

    [Fact]
    public void Report_refers_to_nothing_on_the_web()
    {
        // plotly.js itself holds attribution links as JS strings (never loaded); everything else must be local.
        var page = run.GoodHtml.Replace(PlotlyJs.Source, "");
        Assert.Empty(WebReference().Matches(page).Select(m => m.Value));
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotContain("@import", page);
    }

    [Fact]
    public void Report_of_a_failed_notebook_says_so_and_links_to_the_failing_cell()
    {
        var html = run.BrokenHtml;
        Assert.Equal(NotebookStatus.CellFailed, run.Broken.Status);
        Assert.Contains("<span class=\"status failed\">FAILED (cell 3)</span>", html);
        Assert.Contains("This notebook did not finish.</strong> <a href=\"#failed\">Go to the failing cell</a>", html);
        Assert.Contains("broken.ipynb failed at cell 3:", html); // the runner's message in the banner

        var failed = html.IndexOf("id=\"failed\"", StringComparison.Ordinal);
        Assert.True(failed > 0);
        var cell = html[failed..html.IndexOf("<div class=\"cell", failed, StringComparison.Ordinal)];
        Assert.Contains("throw new InvalidOperationException(&quot;boom&quot;);", cell);
        Assert.Contains("<div class=\"error\"><div class=\"ename\">InvalidOperationException", cell);
        Assert.Contains("boom", cell);
        Assert.Contains("Not run: an earlier cell failed.", html[failed..]);
        Assert.Contains("<pre class=\"stream stdout\">before the failure\n</pre>", html[..failed]);
    }

    [Fact]
    public void Report_of_an_unreadable_notebook_shows_the_error_and_the_name()
    {
        var result = new NotebookResult("99-bad", "/repo/notebooks/99-bad.ipynb", null, NotebookStatus.InvalidNotebook, [], 0,
                                        TimeSpan.FromSeconds(0.2), "/repo/notebooks/99-bad.ipynb is not valid JSON at line 3");

        var (html, title, hasCharts) = ReportWriter.Render(result);

        Assert.Equal("99-bad", title);
        Assert.False(hasCharts);
        Assert.Contains("FAILED (invalid notebook)", html);
        Assert.Contains("is not valid JSON at line 3", html);
        Assert.DoesNotContain("#failed", html); // no cell to jump to
    }

    [Theory]
    [InlineData(0)] // the output that carried plotly.js is gone (same notebook run twice in one process)
    [InlineData(2)] // a chart displayed twice carries it twice
    public void Plotly_js_is_in_the_report_once_whatever_the_outputs_carry(int inlineCopies)
    {
        var chart = ChartTestSupport.BarChart();
        var outputs = Enumerable.Range(0, 3).Select(i => ChartHtml.Fragment(chart, includePlotlyJs: i < inlineCopies)).ToList();
        var executed = Path.Combine(run.Out, $"synthetic-{inlineCopies}.ipynb");
        File.WriteAllText(executed, NotebookWithHtmlOutputs(outputs));
        var result = new NotebookResult($"synthetic-{inlineCopies}", executed, executed, NotebookStatus.Ok, [], 3, TimeSpan.FromSeconds(1), null);

        var (html, _, hasCharts) = ReportWriter.Render(result);

        Assert.True(hasCharts);
        Assert.Equal(1, ChartTestSupport.Count(html, PlotlyJs.Marker));
        Assert.Equal(3, ChartTestSupport.Count(html, "<div class=\"ca-chart\">"));
    }

    [Fact]
    public async Task Chart_in_the_report_is_drawn_offline_in_chromium_and_a_page_without_plotly_js_fails_the_check()
    {
        var chromium = ChartTestSupport.RequireChromium();
        if (chromium is null) return;

        var good = await OfflineChartCheck.RunAsync(chromium, run.GoodReport.Path, Path.Combine(run.Out, "profile-good"), TimeSpan.FromSeconds(60));

        output.WriteLine("report: " + good);
        Assert.True(good.Drawn, good.ToString());

        // The same report without its plotly.js: the check must fail, or it proves nothing.
        var brokenPath = Path.Combine(run.Reports, "report-without-plotly.html");
        await File.WriteAllTextAsync(brokenPath, run.GoodHtml.Replace(PlotlyJs.ScriptElement(), ""));
        var broken = await OfflineChartCheck.RunAsync(chromium, brokenPath, Path.Combine(run.Out, "profile-broken"), TimeSpan.FromSeconds(5));

        output.WriteLine("without plotly.js: " + broken);
        Assert.False(broken.Drawn, broken.ToString());
        Assert.False(broken.PlotFound);
        Assert.NotNull(broken.Chart);
        Assert.False(OfflineChartCheck.NotBlank(broken.Chart!), "the pixel check alone must also call the undrawn chart blank: " + broken);
        Assert.Empty(broken.BlockedRequests);
    }

    private static string NotebookWithHtmlOutputs(IEnumerable<string> htmlOutputs)
    {
        var cells = new JsonArray();
        var n = 0;
        foreach (var html in htmlOutputs)
        {
            n++;
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = n, ["id"] = $"c{n}", ["metadata"] = new JsonObject(),
                ["source"] = $"workshop.Show(chart{n})",
                ["outputs"] = new JsonArray(new JsonObject
                {
                    ["output_type"] = "execute_result", ["execution_count"] = n, ["metadata"] = new JsonObject(),
                    ["data"] = new JsonObject { ["text/html"] = html },
                }),
            });
        }
        return new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // src= or href= (quoted or not) pointing at http:, https: or a protocol-relative //host.
    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex WebReference();
}

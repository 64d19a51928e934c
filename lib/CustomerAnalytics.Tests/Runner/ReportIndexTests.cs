using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>The index page and key-numbers.json, from result records (no kernel).</summary>
public sealed class ReportIndexTests : IDisposable
{
    private readonly string _dir = NewTempDirectory();

    public void Dispose() => DeleteQuietly(_dir);

    private string ChartsWith(string name, string? keyNumbersJson)
    {
        var charts = Path.Combine(_dir, "charts", name);
        Directory.CreateDirectory(charts);
        if (keyNumbersJson is not null) File.WriteAllText(Path.Combine(charts, CustomerAnalytics.KeyNumbers.FileName), keyNumbersJson);
        return charts;
    }

    private static NotebookResult Result(string name, NotebookStatus status, double seconds, string? charts) =>
        new(name, $"/repo/notebooks/{name}.ipynb", null, status,
            status == NotebookStatus.CellFailed ? [new CellResult(4, CellStatus.Failed, "", "boom", TimeSpan.Zero)] : [],
            5, TimeSpan.FromSeconds(seconds), status == NotebookStatus.Ok ? null : "boom")
        {
            ChartsDirectory = charts,
            StartedAt = new DateTimeOffset(2026, 11, 24, 15, 39, 0, TimeSpan.Zero),
        };

    [Fact]
    public void Index_links_each_report_with_status_duration_and_key_numbers_when_there_are_some()
    {
        var kmeans = ChartsWith("02-kmeans-segmentation",
            """{"notebook":"02-kmeans-segmentation","numbers":[{"name":"chosen k","value":4},{"name":"ARI vs true segments","value":0.267},{"name":"revenue","value":1234567.891}]}""");
        var churn = ChartsWith("05-churn-attention", null);
        ReportIndex.Entry[] entries =
        [
            new(Result("02-kmeans-segmentation", NotebookStatus.Ok, 12.34, kmeans),
                new NotebookReport(Path.Combine(_dir, "reports", "02-kmeans-segmentation.html"), "02 · Customer segmentation", true)),
            new(Result("05-churn-attention", NotebookStatus.CellFailed, 75, churn), null),
        ];

        var path = ReportIndex.Write(entries, Path.Combine(_dir, "reports"));

        Assert.Equal(Path.Combine(_dir, "reports", "index.html"), path);
        var html = File.ReadAllText(path);
        Assert.Contains("<a href=\"02-kmeans-segmentation.html\">02-kmeans-segmentation</a>", html);
        Assert.Contains("02 · Customer segmentation", html);
        Assert.Contains("chosen k: <strong>4</strong>", html);
        Assert.Contains("ARI vs true segments: <strong>0.267</strong>", html);
        Assert.Contains("revenue: <strong>1,234,567.89</strong>", html);
        Assert.Contains("12.3 s", html);
        Assert.Contains("1 min 15 s", html);
        Assert.Contains("FAILED (cell 4)", html);
        Assert.Contains("Run 2026-11-24 15:39 UTC · 2 notebook(s) · 1 ok", html);
        Assert.DoesNotContain("05-churn-attention.html", html); // no report was written, so no dead link
        Assert.DoesNotContain("http", html);
    }

    [Fact]
    public void Without_key_numbers_the_cell_is_empty_and_a_malformed_file_says_what_shape_is_expected()
    {
        var none = ReportIndex.Render([new(Result("none", NotebookStatus.Ok, 1, ChartsWith("none", null)), null)]);
        Assert.DoesNotContain("<strong>", none);

        var html = ReportIndex.Render([new(Result("bad", NotebookStatus.Ok, 1, ChartsWith("bad", """{"numbers":[{"name":"k","value":"four"}]}""")), null)]);
        Assert.Contains("key-numbers.json could not be read", html);
        Assert.Contains("&quot;numbers&quot;", html);
    }
}

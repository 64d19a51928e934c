using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every committed notebook runs top to bottom through the headless runner (a separate process, as in the
/// README's command), on small data, and any cell error fails the build.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class NotebookExecutionTests
{
    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void RunsWithoutAnyCellError(string name)
    {
        var run = WorkshopRuns.Notebook(name);

        Assert.True(run.Process.ExitCode == 0, $"{name} failed (exit {run.Process.ExitCode}):\n{run.Process.Output}");
        var executed = run.ExecutedPath;
        Assert.True(File.Exists(executed), $"no executed copy at {executed}");
        var cells = ReadJson(executed).GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
        Assert.All(cells, c => Assert.DoesNotContain(c.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("output_type").GetString() == "error"));
        AssertReportWritten(run.OutputFolder, run.Stem);
    }

    public static TheoryData<string> NotebooksWithData() => new(WorkshopRuns.OtherData.Keys.Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(NotebooksWithData))]
    public void Runs_top_to_bottom_on_data_that_is_not_the_sample(string name)
    {
        var run = WorkshopRuns.OnOtherData(name);

        Assert.True(run.Process.ExitCode == 0, $"{name} failed on other data (exit {run.Process.ExitCode}):\n{run.Process.Output}");
        var cells = ReadJson(run.ExecutedPath).GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
        Assert.All(cells, c => Assert.DoesNotContain(c.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("output_type").GetString() == "error"));
        var text = string.Concat(cells.SelectMany(c => c.GetProperty("outputs").EnumerateArray()).Select(o => o.GetRawText()));
        const string skipped = "describes only the bundled sample"; // how a sample-only section says why it skipped
        if (File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name)).Contains(skipped, StringComparison.Ordinal))
            Assert.Contains(skipped, text);
        Assert.True(File.Exists(Path.Combine(run.ChartsFolder, KeyNumbers.FileName)), $"{name}: no key numbers on other data");
    }

    [Fact]
    public void Every_notebook_that_reads_data_is_run_on_other_data()
    {
        var readingData = Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith("00-", StringComparison.Ordinal));
        Assert.Equal(readingData.Order(StringComparer.Ordinal), WorkshopRuns.OtherData.Keys.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void With_out_writes_results_models_and_runs_there_and_nothing_under_artifacts(string name)
    {
        var run = WorkshopRuns.Notebook(name);

        Assert.True(run.Process.ExitCode == 0, $"{name} failed (exit {run.Process.ExitCode}):\n{run.Process.Output}");
        Assert.True(run.WrittenUnderArtifacts.Count == 0,
            $"{name} was run with --out {run.OutputFolder} but wrote under artifacts/: {string.Join(", ", run.WrittenUnderArtifacts)}");
        var expected = name switch
        {
            "01-rfm-sql-prep.ipynb" => ["results/rfm_olist.csv", "results/rfm_olist.parquet", "results/rfm_online_retail.csv"],
            "02-kmeans-segmentation.ipynb" => ["results/customer_segments.csv", "results/segmentation-model.zip"],
            "05-churn-attention.ipynb" => ["runs"],
            _ => Array.Empty<string>(),
        };
        foreach (var path in expected)
            Assert.True(Path.Exists(Path.Combine(run.OutputFolder, path)), $"{name}: no {path} under its --out folder {run.OutputFolder}");
    }

    /// <summary>Cheap checks of the HTML report: it exists, shows the notebook's title, carries plotly.js once if it has charts, and is on the index.</summary>
    private static void AssertReportWritten(string output, string notebook)
    {
        var report = Path.Combine(output, "reports", notebook + ".html");
        Assert.True(File.Exists(report), $"no HTML report at {report}");
        var html = File.ReadAllText(report);
        var title = ReadJson(Path.Combine(RepositoryPaths.Root, "notebooks", notebook + ".ipynb")).GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "markdown")
            .SelectMany(c => Text(c.GetProperty("source")).Split('\n'))
            .First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        Assert.Contains($">{title}</h1>", html);
        var charts = Charts.ChartTestSupport.Count(html, "<div class=\"ca-chart\">");
        Assert.Equal(charts > 0 ? 1 : 0, Charts.ChartTestSupport.Count(html, CustomerAnalytics.Charts.PlotlyJs.Marker));

        var index = Path.Combine(output, "reports", "index.html");
        Assert.True(File.Exists(index), $"no report index at {index}");
        Assert.Contains($"href=\"{notebook}.html\"", File.ReadAllText(index));
    }
}

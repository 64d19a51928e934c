using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every committed notebook runs top to bottom through the headless runner (a separate process, as in the
/// README's command), on small data, and any cell error fails the build.
/// </summary>
[Collection(Runner.RunnerCollection.Name)]
public sealed class NotebookExecutionTests : IDisposable
{
    // Parameters that make each notebook quick in tests; notebooks not listed run with their defaults.
    private static readonly Dictionary<string, string[]> SmallRuns = new()
    {
        ["02-kmeans-segmentation"] = ["maxK=5", "silhouetteSample=1000"],
        ["03-propensity-modelling"] = ["maxSessions=6000", "rounds=20", "importanceRepeats=1", "driftRows=2000"],
        ["04-lstm-touchpoint-prediction"] = ["epochs=2", "maxJourneys=600", "conversionSamples=20", "hiddenSize=32"],
        ["05-churn-attention"] = ["churnEpochs=3", "nextEventEpochs=1", "maxTrainExamples=300"],
    };

    private readonly string output = NewTempDirectory();

    public void Dispose() => DeleteQuietly(output);

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void RunsWithoutAnyCellError(string name)
    {
        var args = new List<string> { Path.Combine("notebooks", name), "--out", output };
        foreach (var parameter in SmallRuns.GetValueOrDefault(Path.GetFileNameWithoutExtension(name), []))
            args.AddRange(["--param", parameter]);

        var run = RunExe(RepositoryPaths.Root, [.. args]);

        Assert.True(run.ExitCode == 0, $"{name} failed (exit {run.ExitCode}):\n{run.Output}");
        var executed = Path.Combine(output, "notebooks", name);
        Assert.True(File.Exists(executed), $"no executed copy at {executed}");
        var cells = ReadJson(executed).GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
        Assert.All(cells, c => Assert.DoesNotContain(c.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("output_type").GetString() == "error"));
        AssertReportWritten(Path.GetFileNameWithoutExtension(name));
    }

    /// <summary>Cheap checks of the HTML report: it exists, shows the notebook's title, carries plotly.js once if it has charts, and is on the index.</summary>
    private void AssertReportWritten(string notebook)
    {
        var report = Path.Combine(output, "reports", notebook + ".html");
        Assert.True(File.Exists(report), $"no HTML report at {report}");
        var html = File.ReadAllText(report);
        var title = ReadJson(Path.Combine(RepositoryPaths.Root, "notebooks", notebook + ".ipynb")).GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "markdown")
            .SelectMany(c => Text(c.GetProperty("source")).Split('\n'))
            .First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        Assert.Contains($"<h1>{title}</h1>", html);
        var charts = Charts.ChartTestSupport.Count(html, "<div class=\"ca-chart\">");
        Assert.Equal(charts > 0 ? 1 : 0, Charts.ChartTestSupport.Count(html, CustomerAnalytics.Charts.PlotlyJs.Marker));

        var index = Path.Combine(output, "reports", "index.html");
        Assert.True(File.Exists(index), $"no report index at {index}");
        Assert.Contains($"href=\"{notebook}.html\"", File.ReadAllText(index));
    }
}

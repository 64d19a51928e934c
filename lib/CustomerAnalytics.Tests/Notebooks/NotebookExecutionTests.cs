using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every committed notebook runs top to bottom through the headless runner (a separate process, as in the
/// README's command), on small data, and any cell error fails the build.
/// </summary>
[Collection(Runner.RunnerCollection.Name)]
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
    }
}

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
    }
}

using System.Collections.Concurrent;
using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>One workshop notebook executed by the runner exe (as the README's command does), on small data.</summary>
/// <param name="Name">File name, e.g. "02-kmeans-segmentation.ipynb".</param>
/// <param name="Process">Exit code and output of run-workshops.</param>
/// <param name="OutputFolder">The runner's --out folder for this notebook.</param>
/// <param name="WrittenUnderArtifacts">Files under the repository's artifacts/ (build output aside) that the run created or changed: none, since it had --out.</param>
internal sealed record NotebookRun(string Name, ProcessResult Process, string OutputFolder, IReadOnlyList<string> WrittenUnderArtifacts)
{
    public string Stem => Path.GetFileNameWithoutExtension(Name);
    public string ExecutedPath => Path.Combine(OutputFolder, "notebooks", Name);
    public string ChartsFolder => Path.Combine(OutputFolder, "charts", Stem);
}

/// <summary>
/// Runs each workshop notebook at most once per test process and shares the result between the tests that
/// check it (no cell error, its app twin's key numbers), because a run takes from seconds to minutes.
/// </summary>
internal static class WorkshopRuns
{
    // Parameters that make each notebook quick in tests; notebooks not listed run with their defaults.
    private static readonly Dictionary<string, string[]> SmallRuns = new()
    {
        ["02-kmeans-segmentation"] = ["maxK=5", "silhouetteSample=1000"],
        ["03-propensity-modelling"] = ["maxSessions=6000", "rounds=20", "importanceRepeats=1"],
        ["04-lstm-touchpoint-prediction"] = ["epochs=2", "maxJourneys=600", "conversionSamples=20", "hiddenSize=32"],
        ["05-churn-attention"] = ["churnEpochs=3", "nextEventEpochs=1", "maxTrainExamples=300"],
        ["06-deploy-and-monitor"] = ["maxSessions=6000", "driftSessions=2000"],
    };

    private static readonly ConcurrentDictionary<string, Lazy<NotebookRun>> Runs = new();
    private static readonly string Output = NewTempDirectory(); // removed with the test process's folder

    /// <summary>"--param", "name=value" pairs of the small run of <paramref name="stem"/>.</summary>
    public static string[] ParameterArgs(string stem) =>
        SmallRuns.GetValueOrDefault(stem, []).SelectMany(p => new[] { "--param", p }).ToArray();

    /// <summary>A fresh folder for this test process's outputs (removed with the process's temp folder).</summary>
    public static string NewOutputFolder(string name)
    {
        var folder = Path.Combine(Output, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// The arguments of <c>dotnet run</c> for the app twin of <paramref name="stem"/>, built into this test process's
    /// folder. Without <c>--artifacts-path</c> the SDK keeps every build in ~/.local/share/dotnet/runfile/, one per
    /// folder the repository sits in (0.4-1.4 GB an app): each CI clone and worktree added about 5 GB there, until the
    /// disk was full.
    /// </summary>
    public static string[] AppRunArgs(string stem, params string[] appArgs) =>
        ["run", "--artifacts-path", Path.Combine(Output, "app-builds", stem), Path.Combine("notebooks", AppGenerator.AppsFolder, stem + ".cs"), "--", .. appArgs];

    /// <summary>The run of notebook <paramref name="name"/> (executed on first request).</summary>
    public static NotebookRun Notebook(string name) => Runs.GetOrAdd(name, n => new Lazy<NotebookRun>(() =>
    {
        var output = NewOutputFolder(Path.GetFileNameWithoutExtension(n));
        var before = ArtifactsSnapshot();
        var process = RunExe(RepositoryPaths.Root, [Path.Combine("notebooks", n), "--out", output, .. ParameterArgs(Path.GetFileNameWithoutExtension(n))]);
        var after = ArtifactsSnapshot();
        var written = after.Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();
        return new NotebookRun(n, process, output, written);
    })).Value;

    /// <summary>
    /// The notebooks that read data, each with the writer of a dataset that is not the sample (other ids, other
    /// vocabulary, the real published formats). A writer puts its files in a folder and returns the notebook's
    /// parameters for them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<string, IReadOnlyList<string>>> OtherData =
        new Dictionary<string, Func<string, IReadOnlyList<string>>>
        {
            ["01-rfm-sql-prep.ipynb"] = Fixtures.RealFormats.OlistAndRetailFiles.Write,
            ["02-kmeans-segmentation.ipynb"] = Fixtures.RealFormats.OlistAndRetailFiles.Write,
            ["03-propensity-modelling.ipynb"] = Fixtures.RealFormats.PropensitySessionsFile.Write,
            ["04-lstm-touchpoint-prediction.ipynb"] = Fixtures.RealFormats.UsNetworkJourneys.Write,
            ["05-churn-attention.ipynb"] = Fixtures.RealFormats.Ga4BigQueryExport.Write,
            ["06-deploy-and-monitor.ipynb"] = Fixtures.RealFormats.PropensitySessionsFile.WriteForMonitoring,
        };

    private static readonly ConcurrentDictionary<string, Lazy<NotebookRun>> OtherDataRuns = new();

    /// <summary>The run of notebook <paramref name="name"/> on its <see cref="OtherData"/> (executed on first request):
    /// the small-run parameters, overridden by the dataset's.</summary>
    public static NotebookRun OnOtherData(string name) => OtherDataRuns.GetOrAdd(name, n => new Lazy<NotebookRun>(() =>
    {
        var stem = Path.GetFileNameWithoutExtension(n);
        var data = NewOutputFolder(stem + "-other-data");
        var parameters = SmallRuns.GetValueOrDefault(stem, []).ToDictionary(p => p.Split('=')[0], p => p);
        foreach (var p in OtherData[n](data)) parameters[p.Split('=')[0]] = p;
        var output = NewOutputFolder(stem + "-other-data-run");
        var process = RunExe(RepositoryPaths.Root, [Path.Combine("notebooks", n), "--out", output, .. parameters.Values.SelectMany(p => new[] { "--param", p })]);
        return new NotebookRun(n, process, output, []);
    })).Value;

    /// <summary>Length and write time of every file under artifacts/, except the build output (bin/, obj/) and the
    /// strace logs CI's loopback check writes while the tests run (loopback/).</summary>
    private static Dictionary<string, (long, DateTime)> ArtifactsSnapshot()
    {
        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts");
        if (!Directory.Exists(artifacts)) return [];
        return Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(artifacts, f))
            .Where(f => !new[] { "bin", "obj", "loopback" }.Any(d => f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .ToDictionary(f => f, f => (new FileInfo(Path.Combine(artifacts, f)).Length, File.GetLastWriteTimeUtc(Path.Combine(artifacts, f))));
    }
}

using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every workshop has a file-based app twin (notebooks/apps/&lt;notebook&gt;.cs) generated from the notebook. The
/// committed app must be exactly what the generator makes of the notebook today, and running it with
/// <c>dotnet run</c> must give the notebook's key numbers and write the same charts.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class AppTwinTests
{
    private static string NotebookPath(string name) => Path.Combine(RepositoryPaths.Root, "notebooks", name);

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void Committed_app_is_generated_from_its_notebook(string name)
    {
        var app = AppGenerator.AppPath(NotebookPath(name));
        Assert.True(File.Exists(app), $"{name} has no app twin at {app}. Run: {AppGenerator.Command}");

        var expected = AppGenerator.Generate(LoadedNotebook.Load(NotebookPath(name)));

        Assert.True(expected == File.ReadAllText(app).Replace("\r\n", "\n"),
            $"{Path.GetFileName(app)} is not what its notebook generates (edited by hand, or the notebook changed). Run: {AppGenerator.Command}");
    }

    [Fact]
    public void Every_app_has_a_notebook()
    {
        var apps = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "notebooks", AppGenerator.AppsFolder), "*.cs").Select(Path.GetFileNameWithoutExtension);
        var notebooks = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "notebooks"), "*.ipynb").Select(Path.GetFileNameWithoutExtension);
        Assert.Empty(apps.Except(notebooks));
    }

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void App_gives_the_notebooks_key_numbers_and_charts(string name)
    {
        var notebook = WorkshopRuns.Notebook(name);
        Assert.True(notebook.Process.ExitCode == 0, $"{name} failed in the runner, so there is nothing to compare:\n{notebook.Process.Output}");
        var appOutput = WorkshopRuns.NewOutputFolder(notebook.Stem + "-app");

        var run = RunDotnet(RepositoryPaths.Root, TimeSpan.FromMinutes(15),
            WorkshopRuns.AppRunArgs(notebook.Stem, [.. WorkshopRuns.ParameterArgs(notebook.Stem), "--out", appOutput]));

        Assert.True(run.ExitCode == 0, $"the app of {name} failed (exit {run.ExitCode}):\n{run.Output}");
        var expected = KeyNumbers.Read(Path.Combine(notebook.ChartsFolder, KeyNumbers.FileName));
        var actual = KeyNumbers.Read(Path.Combine(appOutput, KeyNumbers.FileName));
        Assert.Equal(expected.Numbers.Select(n => n.Name), actual.Numbers.Select(n => n.Name));
        Assert.All(expected.Numbers.Zip(actual.Numbers), pair =>
            Assert.True(Math.Abs(pair.First.Value - pair.Second.Value) <= 1e-9 * Math.Max(1, Math.Abs(pair.First.Value)),
                $"{pair.First.Name}: notebook {pair.First.Value:R}, app {pair.Second.Value:R}"));
        Assert.Contains(actual.Numbers[0].Shown, run.Stdout); // the app prints them too
        Assert.Equal(ChartFiles(notebook.ChartsFolder), ChartFiles(appOutput));
    }

    private static string[] ChartFiles(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f!.EndsWith(".png") || f.EndsWith(".html")).Order(StringComparer.Ordinal).ToArray()!;
}

using CustomerAnalytics.Setup;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Notebook 00 diagnoses the set-up from a fresh clone: in a copy of the repository with no <c>artifacts/</c> folder,
/// its step 1 builds every library project the notebooks load before anything loads them, and later rebuilds a DLL
/// that is older than one of its sources. The runner exe is the tests' own; the notebook, the library's sources and
/// what step 1 builds are the copy's. Building takes a minute or two: this is the one test that does.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class SetupNotebookFreshCloneTests : IDisposable
{
    private const string Notebook = "notebooks/00-setup-check.ipynb";
    private readonly string _clone = CopyOfRepository();

    public void Dispose() => DeleteQuietly(_clone);

    [Fact]
    public void Notebook_00_builds_the_library_in_a_clone_without_artifacts_then_rebuilds_a_dll_older_than_its_sources()
    {
        Assert.False(Directory.Exists(Path.Combine(_clone, "artifacts")));

        var first = Run00();

        Assert.True(first.ExitCode == 0, $"00 failed in a clone without artifacts/ (exit {first.ExitCode}):\n{first.Output}");
        foreach (var project in LibraryBuild.NotebookProjects)
        {
            Assert.Contains($"| {project}.dll is not built yet", first.Stdout);
            Assert.True(File.Exists(LibraryBuild.DllPath(_clone, project)), $"00 did not build {LibraryBuild.DllPath(_clone, project)}");
        }
        Assert.Contains($"| Building the library (about a minute the first time): {LibraryBuild.BuildCommand}", first.Stdout);
        Assert.Contains("| Built CustomerAnalytics.dll, CustomerAnalytics.Cloud.dll, CustomerAnalytics.Deep.dll", first.Stdout);
        Assert.True(File.Exists(Path.Combine(_clone, "artifacts/bin/CustomerAnalytics.Serving/debug/model-service.dll")), "00 did not build the model service notebook 06 starts");
        Assert.Contains("built from the current sources", ExecutedNotebook()); // the report's row, after the build

        // An edit to a .sql file built into CustomerAnalytics: that DLL, and only that one, is older than its sources.
        var sql = Directory.GetFiles(Path.Combine(_clone, "lib", "CustomerAnalytics", "Sql"), "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var dll = LibraryBuild.DllPath(_clone, "CustomerAnalytics");
        File.SetLastWriteTimeUtc(sql, DateTime.UtcNow);
        Assert.True(File.GetLastWriteTimeUtc(sql) > File.GetLastWriteTimeUtc(dll));

        var second = Run00();

        Assert.True(second.ExitCode == 0, $"00 failed after a source changed (exit {second.ExitCode}):\n{second.Output}");
        var relative = Path.GetRelativePath(_clone, sql);
        Assert.Contains($"| CustomerAnalytics.dll is older than {relative}", second.Stdout);
        Assert.DoesNotContain("CustomerAnalytics.Cloud.dll is", second.Stdout);
        Assert.DoesNotContain("CustomerAnalytics.Deep.dll is", second.Stdout);
        Assert.Contains($"| Building the library (about a minute the first time): {LibraryBuild.BuildCommand}", second.Stdout);
        Assert.True(File.GetLastWriteTimeUtc(dll) > File.GetLastWriteTimeUtc(sql), "CustomerAnalytics.dll was not rebuilt");
        Assert.All(LibraryBuild.NotebookProjects, p => Assert.Null(LibraryBuild.WhyBuild(_clone, p)));
    }

    [Fact]
    public void In_a_built_repository_step_1_builds_nothing()
    {
        var run = WorkshopRuns.Notebook("00-setup-check.ipynb"); // shared with the other tests of the real repository

        Assert.True(run.Process.ExitCode == 0, $"00 failed (exit {run.Process.ExitCode}):\n{run.Process.Output}");
        Assert.Contains("| Every library DLL is built from the current sources.", run.Process.Stdout);
        Assert.DoesNotContain("Building the library", run.Process.Stdout);
    }

    private ProcessResult Run00() => RunExe(_clone, TimeSpan.FromMinutes(20), NoBuildServers, Notebook);

    private string ExecutedNotebook() => File.ReadAllText(Path.Combine(_clone, "artifacts", "notebooks", Path.GetFileName(Notebook)));

    /// <summary>The build step 1 starts leaves no MSBuild node or compiler server running after the test (CI sets the
    /// same for all its steps). Packages come from where the test environment says (CI: the local package cache).</summary>
    private static readonly IReadOnlyDictionary<string, string?> NoBuildServers = new Dictionary<string, string?>
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
    };

    /// <summary>What a fresh clone holds: every file of the repository but version control, build output (artifacts/,
    /// bin/, obj/) and what .gitignore leaves out.</summary>
    private static string CopyOfRepository()
    {
        var copy = NewTempDirectory();
        Copy(new DirectoryInfo(RepositoryPaths.Root), copy, top: true);
        return copy;

        static void Copy(DirectoryInfo from, string to, bool top)
        {
            Directory.CreateDirectory(to);
            foreach (var file in from.GetFiles().Where(f => !(top && f.Name == ".git")))
                file.CopyTo(Path.Combine(to, file.Name));
            foreach (var folder in from.GetDirectories())
            {
                if (folder.Name is "bin" or "obj" or ".ipynb_checkpoints" or "BenchmarkDotNet.Artifacts") continue;
                if (top && folder.Name is ".git" or "artifacts") continue;
                if (folder.Name == "large" && from.Name == "data" && from.Parent?.FullName == Path.GetFullPath(RepositoryPaths.Root)) continue;
                Copy(folder, Path.Combine(to, folder.Name), top: false);
            }
        }
    }
}

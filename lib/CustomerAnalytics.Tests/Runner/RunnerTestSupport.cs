using System.Diagnostics;
using System.Text.Json;
using CustomerAnalytics.Charts;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>
/// Runner tests start C# kernels in this process, and .NET Interactive's formatters are process-wide (the runner resets
/// them before each notebook; a notebook registers its own), so they run one at a time, apart from other collections.
/// The runner no longer changes the current folder or the environment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunnerCollection
{
    public const string Name = "Notebook runner";
}

/// <summary>Fixture paths, throwaway folders and a way to start the built run-workshops executable.</summary>
internal static class RunnerTestSupport
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "notebooks", name);

    private static readonly Lazy<string> ProcessFolder = new(CreateProcessFolder);

    /// <summary>A fresh empty folder under this test process's temp folder.</summary>
    public static string NewTempDirectory()
    {
        var path = Path.Combine(ProcessFolder.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>ca-runner-tests/run-PID: the folders of one test process. A test host that is stopped never runs
    /// its clean-up, and the notebook runs write hundreds of MB each, so the folders of processes that have ended are
    /// removed here, when the next test process starts.</summary>
    private static string CreateProcessFolder()
    {
        var parent = Path.Combine(Path.GetTempPath(), "ca-runner-tests");
        Directory.CreateDirectory(parent);
        RemoveFoldersOfEndedProcesses(parent);
        var own = Path.Combine(parent, $"run-{Environment.ProcessId}");
        DeleteQuietly(own); // a folder of an earlier process with the same id
        Directory.CreateDirectory(own);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(own);
        return own;
    }

    /// <summary>Deletes the run-PID folders in <paramref name="parent"/> whose process is not running.</summary>
    internal static void RemoveFoldersOfEndedProcesses(string parent)
    {
        foreach (var folder in Directory.GetDirectories(parent, "run-*"))
            if (int.TryParse(Path.GetFileName(folder)["run-".Length..], out var pid) && !ProcessLiveness.IsAlive(pid)) DeleteQuietly(folder);
    }

    /// <summary>A throwaway repository: global.json at the root and the given fixtures copied into notebooks/ under new names.</summary>
    public static string NewRepository(params (string Fixture, string As)[] notebooks)
    {
        var root = NewTempDirectory();
        File.WriteAllText(Path.Combine(root, "global.json"), "{}");
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        foreach (var (fixture, name) in notebooks)
            File.Copy(Fixture(fixture), Path.Combine(root, "notebooks", name));
        return root;
    }

    public static void DeleteQuietly(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static JsonElement ReadJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>Joined "source" or "text" of a cell or output (a string or an array of lines in nbformat).</summary>
    public static string Text(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? string.Concat(element.EnumerateArray().Select(e => e.GetString()))
        : element.GetString() ?? "";

    public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    /// <summary>
    /// Runs <c>dotnet run-workshops.dll args</c> from the test output folder (the test project references the runner,
    /// so its build output is copied next to the tests).
    /// </summary>
    public static ProcessResult RunExe(string workingDirectory, params string[] args) => RunExe(workingDirectory, null, args);

    /// <summary><see cref="RunExe(string, string[])"/> with environment variables set (a value) or removed (null)
    /// for the runner's process only.</summary>
    public static ProcessResult RunExe(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        RunExe(workingDirectory, TimeSpan.FromMinutes(5), environment, args);

    /// <summary><see cref="RunExe(string, IReadOnlyDictionary{string, string?}?, string[])"/> with a time limit of its own
    /// (a run that builds the library takes longer than the default 5 minutes allow on a loaded machine).</summary>
    public static ProcessResult RunExe(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "run-workshops.dll");
        Assert.True(File.Exists(exe), $"run-workshops.dll not found next to the tests ({exe}); build the test project.");

        return RunDotnet(workingDirectory, timeout, environment, [exe, .. args]);
    }

    /// <summary>Runs <c>dotnet args</c> (the host the tests run on, else dotnet from PATH) and collects its output;
    /// fails the test when it takes longer than <paramref name="timeout"/>.</summary>
    public static ProcessResult RunDotnet(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunDotnet(workingDirectory, timeout, null, args);

    private static ProcessResult RunDotnet(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, string[] args)
    {
        // The dotnet CLI tells child processes which host it is; fall back to PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish within {timeout.TotalMinutes} minutes.");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

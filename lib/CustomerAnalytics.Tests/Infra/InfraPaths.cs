using System.Diagnostics;
using System.Text;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>Where the infra files are, and a small helper to run the shell tools the tests need.</summary>
internal static class InfraPaths
{
    public static string Infra => Path.Combine(RepositoryPaths.Root, "infra");
    public static string Template => Path.Combine(Infra, "workshop-gpu.yaml");
    public static string Bootstrap => Path.Combine(Infra, "bootstrap.sh");
    public static string UseCuda => Path.Combine(Infra, "use-cuda.sh");
    public static string CheckCuda => Path.Combine(Infra, "check-cuda.sh");
    public static string IdleStop => Path.Combine(Infra, "idle-stop.sh");
    public static string Room => Path.Combine(Infra, "room.sh");
    public static string FakeAws => Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics.Tests", "Infra", "fake-aws.sh");
    public static string InstallCfnLint => Path.Combine(Infra, "tools", "install-cfn-lint.sh");
    public static string Sandbox => Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics.Tests", "Infra", "bootstrap-sandbox.sh");

    /// <summary>Every shell script this issue ships (the sandbox harness included).</summary>
    public static string[] ShellScripts => [Bootstrap, UseCuda, CheckCuda, IdleStop, Room, InstallCfnLint, Sandbox, FakeAws];

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewTempFolder(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Finds an executable on PATH.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    /// <summary>Runs a program to completion (at most 5 minutes), stdout and stderr together.</summary>
    public static Result Run(string program, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 5 minutes:\n{output}");
        }
        process.WaitForExit();
        lock (output) return new Result(process.ExitCode, output.ToString());
    }
}

using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>
/// kill -9 at many points of a run: every file left in the output folder is whole (or absent), and the next run
/// succeeds. The child is the runner executable on workshop 01 (results as CSV and Parquet through DuckDB, charts,
/// key numbers, the executed notebook, its report and the index), killed after a seeded schedule of delays.
/// Writes are a small part of a run, so a kill rarely lands inside one: this test shows that whatever a kill leaves is
/// whole and that the next run recovers (stale lock, leftovers); AtomicFileTests show that an interrupted write never
/// replaces a file.
/// </summary>
[Collection(Notebooks.NotebookProcessCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const string Notebook = "01-rfm-sql-prep";

    // Fractions of a complete run's duration: the same schedule every time, from the start of the kernel to the
    // last report. Its length keeps the test near a minute on a quiet 2-core machine.
    private static readonly double[] Schedule = SeededSchedule(seed: 25, kills: 4);

    private readonly string folder = NewTempDirectory();

    public void Dispose() => DeleteQuietly(folder);

    [Fact]
    public void Killed_at_any_point_a_run_leaves_only_whole_files_and_the_next_run_succeeds()
    {
        var clock = Stopwatch.StartNew();
        var complete = Run(kill: null);
        Assert.True(complete.ExitCode == 0, $"the first, complete run failed:\n{complete.Output}");
        var full = clock.Elapsed;
        // Deterministic results: a file that exists after a kill must be exactly the complete run's.
        var reference = new[] { "results/rfm_olist.csv", "results/rfm_online_retail.csv", $"charts/{Notebook}/key-numbers.json" }
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(folder, f)));

        var checkedFiles = 0;
        foreach (var fraction in Schedule)
        {
            var delay = full * fraction;
            Run(kill: delay);
            var files = Check(reference, finished: false);
            checkedFiles += files.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"killed after {delay.TotalSeconds:0.0} s ({fraction:0.00} of a run): {files.Count} files whole, {Temporaries().Length} temporary file(s) left"));
        }

        var next = Run(kill: null);
        Assert.True(next.ExitCode == 0, $"the run after the kills failed:\n{next.Output}");
        checkedFiles += Check(reference, finished: true).Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"complete run {full.TotalSeconds:0.0} s; {Schedule.Length} kills; {checkedFiles} files checked; total {clock.Elapsed.TotalSeconds:0} s"));
    }

    private static double[] SeededSchedule(int seed, int kills)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, kills).Select(_ => Math.Round(0.1 + 0.9 * random.NextDouble(), 2)).ToArray();
    }

    /// <summary>Runs the runner on workshop 01 into the folder; with <paramref name="kill"/>, SIGKILLs it (and its
    /// children) after that long, or when it ends sooner.</summary>
    private ProcessResult Run(TimeSpan? kill)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "run-workshops.dll"), Path.Combine("notebooks", Notebook + ".ipynb"), "--out", folder })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (kill is { } after && !process.WaitForExit(after)) process.Kill(entireProcessTree: true); // SIGKILL on Linux
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"run-workshops on {Notebook} did not finish within 5 minutes.");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private string[] Temporaries() => Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(AtomicFile.IsTemporary).ToArray();

    /// <summary>Checks every file in the folder (temporary files of killed runs aside, until a run has finished);
    /// returns the files checked.</summary>
    private List<string> Check(Dictionary<string, byte[]> reference, bool finished)
    {
        var checkedFiles = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (AtomicFile.IsTemporary(file))
            {
                Assert.False(finished, $"{name}: a killed run's temporary file is still there after a complete run");
                continue;
            }
            if (reference.TryGetValue(name, out var expected))
                Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{name} differs from the complete run's");
            AssertWhole(file, name, finished);
            checkedFiles.Add(name);
        }
        return checkedFiles;
    }

    private static void AssertWhole(string file, string name, bool finished)
    {
        var bytes = File.ReadAllBytes(file);
        switch (Path.GetExtension(file))
        {
            case ".json" or ".ipynb":
                try { using var _ = JsonDocument.Parse(bytes); }
                catch (JsonException e) { Assert.Fail($"{name} is not whole JSON: {e.Message}"); }
                break;
            case ".html":
                Assert.True(Encoding.UTF8.GetString(bytes).TrimEnd().EndsWith("</html>", StringComparison.Ordinal), $"{name} does not end with </html>");
                break;
            case ".csv":
                var lines = Encoding.UTF8.GetString(bytes).Split('\n');
                Assert.True(lines.Length > 2 && lines[^1] == "", $"{name} is not a header, rows and a final line end");
                Assert.All(lines[1..^1], l => Assert.Equal(lines[0].Count(c => c == ','), l.Count(c => c == ',')));
                break;
            case ".parquet":
                Assert.True(bytes.Length > 8 && bytes.AsSpan(0, 4).SequenceEqual("PAR1"u8) && bytes.AsSpan(bytes.Length - 4).SequenceEqual("PAR1"u8),
                    $"{name} does not start and end with PAR1");
                break;
            case ".png":
                Assert.True(Charts.PngImage.HasSignature(bytes) && bytes.AsSpan(bytes.Length - 8, 4).SequenceEqual("IEND"u8), $"{name} has no PNG signature or no IEND at its end");
                break;
            case ".zip":
                using (var zip = new ZipArchive(new MemoryStream(bytes)))
                    foreach (var entry in zip.Entries) { using var s = entry.Open(); s.CopyTo(Stream.Null); }
                break;
            case ".lock":
                Assert.False(finished, $"{name}: the lock is still there after the run ended");
                Assert.Matches(@"^\d+\n", Encoding.UTF8.GetString(bytes));
                break;
            default:
                Assert.Fail($"{name}: no check for this kind of file; add one to {nameof(CrashSafetyTests)}.");
                break;
        }
    }
}

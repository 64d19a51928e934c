using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>Starts the built run-workshops executable as a process: exit codes and console output. Each test has its own
/// repository and output folder and the runner changes nothing process-wide, so these run beside other tests.</summary>
public sealed class RunWorkshopsExeTests : IDisposable
{
    private readonly string _root = NewRepository(("good.ipynb", "01-good.ipynb"), ("broken.ipynb", "02-broken.ipynb"));

    public void Dispose() => DeleteQuietly(_root);

    [Fact]
    public void Help_prints_usage_and_exits_0()
    {
        var run = RunExe(_root, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("--param name=value", run.Stdout);
        Assert.Contains("DIR/reports/index.html", run.Stdout);
    }

    [Fact]
    public void Default_run_executes_notebooks_folder_in_name_order_and_exits_1_naming_the_failed_cell()
    {
        var run = RunExe(_root, "--param", "sampleSize=200");

        Assert.Equal(1, run.ExitCode);
        var output = run.Stdout;
        Assert.True(output.IndexOf("[01-good] cell 2/4", StringComparison.Ordinal) < output.IndexOf("[02-broken] cell 2/4", StringComparison.Ordinal));
        Assert.Contains("[01-good]   | sampleSize=200", output); // cell stdout is streamed through
        Assert.Contains("[02-broken] 02-broken.ipynb failed at cell 3:", output);
        Assert.Contains("[02-broken] InvalidOperationException: boom", output);
        Assert.Matches(@"01-good\s+3/3\s+\d+\.\d\s+ok", output);
        Assert.Matches(@"02-broken\s+1/3\s+\d+\.\d\s+FAILED \(cell 3\)", output);
        Assert.True(File.Exists(Path.Combine(_root, "artifacts", "notebooks", "02-broken.ipynb")));
    }

    [Fact]
    public void A_good_notebook_alone_exits_0()
    {
        var run = RunExe(_root, "notebooks/01-good.ipynb", "--out", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_root, "out", "notebooks", "01-good.ipynb")));
        var index = Path.Combine(_root, "out", "reports", "index.html");
        Assert.Contains($"Reports (open in a browser, work offline): {index}", run.Stdout);
        Assert.Contains("href=\"01-good.html\"", File.ReadAllText(index));
        Assert.True(File.Exists(Path.Combine(_root, "out", "reports", "01-good.html")));
    }

    [Theory]
    [InlineData(new[] { "notebooks/03-missing.ipynb" }, "Notebook path 'notebooks/03-missing.ipynb' does not exist")]
    [InlineData(new[] { "--param", "sampleSiz=1" }, "Unknown parameter sampleSiz")]
    [InlineData(new[] { "--param", "sampleSize=lots" }, "sampleSize is an int")]
    [InlineData(new[] { "--colour" }, "Unknown option '--colour'")]
    public void Usage_errors_exit_2_with_a_message(string[] args, string expected)
    {
        var run = RunExe(_root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain("cell 2/4", run.Stdout); // nothing ran
        if (args[0].StartsWith("notebooks/", StringComparison.Ordinal))
            Assert.Contains("01-good.ipynb", run.Stderr); // lists the notebooks there are
    }

    [Fact]
    public void An_out_that_is_a_file_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(_root, "taken"), "a file");

        var run = RunExe(_root, "notebooks/01-good.ipynb", "--out", "taken");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"run-workshops: The output folder {Path.Combine(_root, "taken")} is a file: give --out a folder", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Output);
        Assert.Equal("a file", File.ReadAllText(Path.Combine(_root, "taken")));
    }

    [Theory]
    [InlineData("/sys", "is not writable")]             // exists; no one may create files in it, root included
    [InlineData("/sys/workshop-out", "cannot be created")]
    public void An_out_that_cannot_be_written_is_a_usage_error(string folder, string expected)
    {
        var run = RunExe(_root, "notebooks/01-good.ipynb", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"run-workshops: The output folder {folder} {expected} (", run.Stderr);
        Assert.Contains("give --out a folder you can write to", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Output);
        Assert.DoesNotContain("cell 2/4", run.Stdout); // nothing ran
    }

    [Fact]
    public void An_out_held_by_a_running_process_is_refused_naming_the_folder_and_the_process()
    {
        var output = Path.Combine(_root, "busy");
        Directory.CreateDirectory(output);
        var lockFile = Path.Combine(output, OutputFolderLock.FileName);
        File.WriteAllText(lockFile, $"{Environment.ProcessId}\n"); // this test host: alive

        var run = RunExe(_root, "notebooks/01-good.ipynb", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"run-workshops: The output folder {output} is in use by another run (process {Environment.ProcessId}, lock file {lockFile})", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(output, "notebooks")));
        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(lockFile)); // the owner's lock is left alone
    }

    [Fact]
    public void A_lock_left_by_a_killed_run_is_taken_over_and_removed_at_the_end()
    {
        var output = Path.Combine(_root, "after-kill");
        Directory.CreateDirectory(output);
        var lockFile = Path.Combine(output, OutputFolderLock.FileName);
        File.WriteAllText(lockFile, $"{EndedProcessId()}\n2026-01-01T00:00:00.0000000Z\n");

        var run = RunExe(_root, "notebooks/01-good.ipynb", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "notebooks", "01-good.ipynb")));
        Assert.False(File.Exists(lockFile));
    }

    /// <summary>The pid of a process that has ended.</summary>
    private static int EndedProcessId()
    {
        using var ended = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        ended.WaitForExit();
        return ended.Id;
    }
}

public sealed class GenerateDataCommandTests : IDisposable
{
    private readonly string _folder = NewTempDirectory();

    public void Dispose() => DeleteQuietly(_folder);

    [Fact]
    public void Generate_data_writes_the_committed_sample_byte_for_byte()
    {
        var run = RunExe(_folder, "--generate-data", "data");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("olist_orders_dataset.csv", run.Stdout);
        foreach (var file in new[] { "olist/olist_orders_dataset.csv", "journeys/touchpoint_journeys.tsv", "truth/olist_customer_segments.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Data, file)), File.ReadAllBytes(Path.Combine(_folder, "data", file)));
    }

    [Fact]
    public void Generate_data_options_parse()
    {
        var options = CustomerAnalytics.Runner.RunnerOptions.Parse(["--generate-data", "out", "--large"]);
        Assert.Equal("out", options.GenerateDataFolder);
        Assert.True(options.LargeData);
        Assert.Throws<CustomerAnalytics.Runner.RunnerUsageException>(() => CustomerAnalytics.Runner.RunnerOptions.Parse(["--generate-data"]));
    }
}

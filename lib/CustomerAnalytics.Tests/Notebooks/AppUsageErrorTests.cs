using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>An app started wrongly ends like the runner: one line saying what to do, exit code 2, no stack trace.</summary>
[Collection(NotebookProcessCollection.Name)]
public sealed class AppUsageErrorTests : IDisposable
{
    private readonly string folder = NewTempDirectory();

    public void Dispose() => DeleteQuietly(folder);

    [Fact]
    public void An_app_given_a_file_as_out_exits_2_with_the_message()
    {
        var file = Path.Combine(folder, "taken.csv");
        File.WriteAllText(file, "kept");

        var run = RunDotnet(RepositoryPaths.Root, TimeSpan.FromMinutes(15),
            WorkshopRuns.AppRunArgs("01-rfm-sql-prep", "--out", file));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: The output folder {file} is a file: give --out a folder (it is created when missing).", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Output);
        Assert.Equal("kept", File.ReadAllText(file));
    }

    [Fact]
    public void An_app_whose_parameter_check_fails_exits_1_with_the_message_and_no_stack_trace()
    {
        var run = RunDotnet(RepositoryPaths.Root, TimeSpan.FromMinutes(15),
            WorkshopRuns.AppRunArgs("01-rfm-sql-prep", "--param", "asOfDate=abc", "--out", folder));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr.TrimStart());
        Assert.Contains("- asOfDate = \"abc\": not a date; write it as yyyy-MM-dd", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Output);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}

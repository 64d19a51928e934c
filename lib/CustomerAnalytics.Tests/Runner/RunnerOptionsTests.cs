using CustomerAnalytics.Runner;

namespace CustomerAnalytics.Tests.Runner;

public class RunnerOptionsTests
{
    [Fact]
    public void Parse_reads_inputs_and_every_option()
    {
        var options = RunnerOptions.Parse(
            ["notebooks/01-rfm.ipynb", "--param", "sampleSize=200", "--param=label=a=b", "more", "--out", "out",
             "--timeout-minutes", "1.5"]);

        Assert.Equal(["notebooks/01-rfm.ipynb", "more"], options.Inputs);
        Assert.Equal("200", options.Parameters["sampleSize"]);
        Assert.Equal("a=b", options.Parameters["label"]); // only the first '=' separates name and value
        Assert.Equal("out", options.OutputDirectory);
        Assert.False(options.UpdateImages);
        Assert.True(RunnerOptions.Parse(["--update-images", "--out", "out"]).UpdateImages);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Timeout);
        Assert.False(options.ShowHelp);
    }

    [Fact]
    public void Parse_defaults_to_all_notebooks_and_a_30_minute_timeout()
    {
        var options = RunnerOptions.Parse([]);

        Assert.Empty(options.Inputs);
        Assert.Empty(options.Parameters);
        Assert.Null(options.OutputDirectory);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Timeout);
    }

    [Theory]
    [InlineData(new[] { "--verbose" }, "Unknown option '--verbose'")]
    [InlineData(new[] { "--param", "sampleSize" }, "--param expects name=value")]
    [InlineData(new[] { "--param", "1abc=2" }, "--param expects name=value")]
    [InlineData(new[] { "--param", "a=1", "--param", "a=2" }, "--param a is given twice")]
    [InlineData(new[] { "--timeout-minutes", "soon" }, "--timeout-minutes needs a positive number")]
    [InlineData(new[] { "--out" }, "--out needs a value")]
    [InlineData(new[] { "--update-images", "--param", "k=3" }, "--update-images makes the README's pictures from the notebooks as committed")]
    // The attendee copies in notebooks/attendee/ replaced it: an attendee's notebook is run as it is.
    [InlineData(new[] { "--without-solutions" }, "Unknown option '--without-solutions'")]
    public void Parse_rejects_bad_arguments_with_a_message_naming_them(string[] args, string expected)
    {
        var error = Assert.Throws<RunnerUsageException>(() => RunnerOptions.Parse(args));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Help_is_recognised_and_usage_lists_the_options()
    {
        Assert.True(RunnerOptions.Parse(["--help"]).ShowHelp);
        foreach (var option in new[] { "--param", "--out", "--update-images", "--timeout-minutes" })
            Assert.Contains(option, RunnerOptions.Usage);
    }
}

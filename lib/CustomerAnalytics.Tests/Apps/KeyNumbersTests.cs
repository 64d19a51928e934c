using CustomerAnalytics.Hosting;

namespace CustomerAnalytics.Tests.Apps;

public sealed class KeyNumbersTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "ca-keynumbers-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A workshop run by a host: its charts go to files (HTML only here), its key numbers to JSON.</summary>
    private Workshop Headless() => new(RepositoryPaths.Root, output, output) { ChartOutput = new ChartFiles(output, png: null) };

    public void Dispose()
    {
        try { Directory.Delete(output, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Key_numbers_round_trip_exactly_through_the_json_file()
    {
        var workshop = Headless();

        var shown = workshop.KeyNumbers("02-test", ("chosen k", 4), ("ARI", 0.1 + 0.2), ("revenue", 875_612.5));
        var read = KeyNumbers.Read(Path.Combine(output, KeyNumbers.FileName));

        Assert.Equal(Path.Combine(output, KeyNumbers.FileName), shown.SavedTo);
        Assert.Equal("02-test", read.Notebook);
        Assert.Equal(shown.Numbers, read.Numbers);
        Assert.Equal(0.1 + 0.2, read["ARI"]); // not rounded on the way
        Assert.Equal(["4", "0.3", "875,612.50"], read.Numbers.Select(n => n.Shown));
        Assert.Contains("<td>chosen k</td>", shown.ToHtml());
    }

    [Fact]
    public void A_host_s_settings_make_the_workshop_headless_and_a_notebook_s_do_not()
    {
        var headless = Workshop.Start(new WorkshopSettings { Root = RepositoryPaths.Root, OutputFolder = output, ChartOutput = new ChartFiles(output, png: null) });
        var kernel = Workshop.Start(RepositoryPaths.Root);

        Assert.True(headless.Headless);
        Assert.Equal(output, headless.OutputFolder);
        Assert.False(kernel.Headless);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "artifacts", "charts"), kernel.OutputFolder);
    }

    [Fact]
    public void Outside_the_runner_and_apps_nothing_is_written()
    {
        var workshop = new Workshop(RepositoryPaths.Root, output, output);

        var shown = workshop.KeyNumbers("02-test", ("chosen k", 4));

        Assert.Null(shown.SavedTo);
        Assert.False(File.Exists(Path.Combine(output, KeyNumbers.FileName)));
    }

    [Fact]
    public void A_number_that_is_not_finite_is_refused_by_name()
    {
        var workshop = Headless();

        var e = Assert.Throws<ArgumentException>(() => workshop.KeyNumbers("02-test", ("AUC", double.NaN)));

        Assert.Contains("'AUC' is NaN", e.Message);
        Assert.False(File.Exists(Path.Combine(output, KeyNumbers.FileName)));
    }

    [Fact]
    public void Asking_for_a_missing_number_lists_the_ones_there_are()
    {
        var numbers = new KeyNumbers("02-test", [new KeyNumber("chosen k", 4)], null);
        var e = Assert.Throws<KeyNotFoundException>(() => numbers["k"]);
        Assert.Contains("There are: chosen k", e.Message);
    }

    [Theory]
    [InlineData(4, "4")]
    [InlineData(0.26749, "0.2675")]
    [InlineData(0, "0")]
    [InlineData(-12.5, "-12.5")]
    [InlineData(98765.4321, "98,765.43")]
    [InlineData(0.00001234, "1.234E-05")]
    public void Key_numbers_show_invariantly(double value, string expected) =>
        Assert.Equal(expected, new KeyNumber("x", value).Shown);
}

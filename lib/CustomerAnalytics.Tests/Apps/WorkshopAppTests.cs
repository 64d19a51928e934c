using CustomerAnalytics.Hosting;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Tests.Apps;

/// <summary>WorkshopApp builds the app's workshop from explicit settings; it changes no process-wide state.</summary>
public sealed class WorkshopAppTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "ca-app-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter console = new();

    public void Dispose()
    {
        try { Directory.Delete(output, recursive: true); } catch (IOException) { }
    }

    private WorkshopApp Start(params string[] args)
    {
        return WorkshopApp.Start("02-test", [.. args, "--out", output], console);
    }

    [Fact]
    public void Start_points_the_workshop_at_the_output_folder_without_touching_the_process()
    {
        var directoryBefore = Directory.GetCurrentDirectory();

        var app = Start();

        Assert.Equal(Path.GetFullPath(output), app.OutputFolder);
        Assert.Equal(app.OutputFolder, app.Workshop.OutputFolder);
        Assert.Equal(Path.GetFullPath(output), app.Workshop.ArtifactsFolder); // --out: results go there too
        Assert.True(app.Workshop.Headless); // charts are written as files
        Assert.Equal(RepositoryPaths.Root, app.Workshop.Root);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "notebooks", "config"), app.FromNotebookFolder("./config"));
        Assert.Equal(directoryBefore, Directory.GetCurrentDirectory());
        Assert.Null(Environment.GetEnvironmentVariable("WORKSHOP_OUTPUT_DIR"));
        Assert.True(Directory.Exists(output));
    }

    [Fact]
    public void Parameters_take_the_given_value_typed_like_the_default()
    {
        var app = Start("--param", "k=7", "--param", "rate=0.25", "--param", "name=a=b", "--param", "fast=true");

        Assert.Equal(7, app.Parameter("k", 0));
        Assert.Equal(0.25, app.Parameter("rate", 1.0));
        Assert.Equal("a=b", app.Parameter("name", ""));
        Assert.True(app.Parameter("fast", false));
        Assert.Equal(42, app.Parameter("seed", 42));
        app.CheckParameters();
        Assert.Contains("parameter k = 7", console.ToString());
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_the_parameter_and_its_type()
    {
        var app = Start("--param", "k=seven");

        var e = Assert.Throws<WorkshopAppException>(() => app.Parameter("k", 0));

        Assert.Contains("--param k=seven", e.Message);
        Assert.Contains("Int32", e.Message);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_listing_the_known_ones()
    {
        var app = Start("--param", "kk=3");
        app.Parameter("k", 0);
        app.Parameter("seed", 42);

        var e = Assert.Throws<WorkshopAppException>(app.CheckParameters);

        Assert.Contains("no parameter kk", e.Message);
        Assert.Contains("k, seed", e.Message);
    }

    [Fact]
    public void An_unexpected_argument_is_refused_with_the_usage()
    {
        var e = Assert.Throws<WorkshopAppException>(() => WorkshopApp.Start("02-test", ["k=3"], console));
        Assert.Contains("Usage: dotnet run notebooks/apps/02-test.cs", e.Message);
    }

    [Fact]
    public void Start_holds_the_output_folder_with_a_lock_naming_this_process()
    {
        Start();

        Assert.Equal(Environment.ProcessId.ToString(), File.ReadAllLines(Path.Combine(output, OutputFolderLock.FileName))[0]);
    }

    [Fact]
    public void An_out_that_is_a_file_is_refused_before_anything_is_written()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "a file");

        var e = Assert.Throws<OutputFolderException>(() => WorkshopApp.Start("02-test", ["--out", output], console));

        Assert.Contains($"The output folder {output} is a file", e.Message);
        Assert.Equal("", console.ToString());
        File.Delete(output);
    }

    [Fact]
    public void Show_prints_a_dataframe_head_and_other_values_as_text()
    {
        var app = Start();
        var frame = new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(1, 25)));

        app.Show(frame);
        app.Show("plain text");
        app.Show(null);

        var text = console.ToString();
        Assert.Contains("DataFrame: 25 rows x 1 columns, first 10:", text);
        Assert.Contains("10", text);
        Assert.DoesNotContain("11", text.Split("plain text")[0].Split("first 10:")[1]);
        Assert.Contains("plain text", text);
    }

    [Fact]
    public void Show_prints_a_dataframe_shorter_than_the_head_whole()
    {
        var app = Start();

        app.Show(new DataFrame(new Int32DataFrameColumn("n", [7, 8, 9])));

        var text = console.ToString();
        Assert.Contains("DataFrame: 3 rows x 1 columns:", text);
        Assert.Contains("9", text.Split("columns:")[1]);
    }
}

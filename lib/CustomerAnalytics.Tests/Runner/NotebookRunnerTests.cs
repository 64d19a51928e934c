using System.Text.Json;
using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>Runs fixture notebooks in process through <see cref="NotebookRunner"/> and checks results and executed copies.</summary>
[Collection(RunnerCollection.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly string _out = NewTempDirectory();
    private readonly StringWriter _log = new();

    public void Dispose() => DeleteQuietly(_out);

    private Task<NotebookResult> Run(string fixture, Dictionary<string, string>? parameters = null, TimeSpan? timeout = null) =>
        RunPath(Fixture(fixture), parameters, timeout);

    private Task<NotebookResult> RunPath(string path, Dictionary<string, string>? parameters = null, TimeSpan? timeout = null) =>
        new NotebookRunner(new NotebookRunOptions
        {
            OutputDirectory = _out,
            Parameters = parameters ?? [],
            Timeout = timeout ?? TimeSpan.FromMinutes(5),
        }, _log).RunAsync(path);

    [Fact]
    public async Task Good_notebook_runs_every_cell_and_its_executed_copy_has_outputs_and_the_injected_parameter()
    {
        var directoryBefore = Environment.CurrentDirectory;

        var result = await Run("good.ipynb", new() { ["sampleSize"] = "200", ["label"] = "it's \"top\"" });

        Assert.Equal(NotebookStatus.Ok, result.Status);
        Assert.Null(result.Error);
        Assert.DoesNotContain("warning", _log.ToString()); // the fixture's kernelspec is right
        Assert.Equal((3, 3), (result.ExecutedCellCount, result.CodeCellCount));
        Assert.Equal([2, null, 3, 4], result.Cells.Select(c => c.Number));
        var printing = result.Cells.Single(c => c.Number == 3).Stdout;
        Assert.Contains("sampleSize=200", printing);
        Assert.Contains("label=it's \"top\" rate=0.5 verbose=False", printing);
        Assert.Contains("notebook folder: True", printing); // "./good.ipynb" resolved from the notebook's folder
        Assert.Equal(directoryBefore, Environment.CurrentDirectory); // ... and the runner's directory came back
        Assert.Null(Environment.GetEnvironmentVariable("WORKSHOP_OUTPUT_DIR")); // settings travel explicitly, not through the environment

        Assert.Equal(Path.Combine(_out, "notebooks", "good.ipynb"), result.ExecutedPath);
        var cells = ReadJson(result.ExecutedPath!).GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(["markdown", "code", "code", "code", "code"], cells.Select(c => c.GetProperty("cell_type").GetString()));
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString())));

        var injected = cells[2];
        Assert.Equal("injected-parameters", injected.GetProperty("id").GetString());
        Assert.Equal("injected-parameters", injected.GetProperty("metadata").GetProperty("tags")[0].GetString());
        Assert.Contains("sampleSize = 200;", Text(injected.GetProperty("source")));
        Assert.Contains("label = \"it's \\\"top\\\"\";", Text(injected.GetProperty("source")));
        Assert.Equal([1, 2, 3, 4], cells.Skip(1).Select(c => c.GetProperty("execution_count").GetInt32()));

        var stream = Assert.Single(cells[3].GetProperty("outputs").EnumerateArray());
        Assert.Equal(("stream", "stdout"), (stream.GetProperty("output_type").GetString(), stream.GetProperty("name").GetString()));
        Assert.Contains("sampleSize=200\n", Text(stream.GetProperty("text")));

        var display = Assert.Single(cells[4].GetProperty("outputs").EnumerateArray());
        Assert.Equal("display_data", display.GetProperty("output_type").GetString());
        Assert.Equal("<b>200 rows</b>", Text(display.GetProperty("data").GetProperty("text/html")));
        Assert.Equal(".net-csharp", ReadJson(result.ExecutedPath!).GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Broken_notebook_stops_at_cell_3_and_names_notebook_cell_and_error()
    {
        var result = await Run("broken.ipynb");

        Assert.Equal(NotebookStatus.CellFailed, result.Status);
        Assert.Equal(3, result.FailedCell!.Number);
        Assert.Contains("broken.ipynb failed at cell 3", result.Error);
        Assert.Contains("throw new InvalidOperationException(\"boom\");", result.Error); // first lines of the cell
        Assert.Contains("InvalidOperationException: boom", result.Error);
        Assert.Equal((1, 3), (result.ExecutedCellCount, result.CodeCellCount));
        Assert.Contains("[broken] broken.ipynb failed at cell 3", _log.ToString());
        Assert.DoesNotContain("after the failure", _log.ToString());

        var cells = ReadJson(result.ExecutedPath!).GetProperty("cells").EnumerateArray().ToList();
        var error = Assert.Single(cells[2].GetProperty("outputs").EnumerateArray());
        Assert.Equal("error", error.GetProperty("output_type").GetString());
        Assert.Equal("InvalidOperationException", error.GetProperty("ename").GetString());
        Assert.Equal("boom", error.GetProperty("evalue").GetString());
        Assert.Equal(JsonValueKind.Null, cells[3].GetProperty("execution_count").ValueKind); // skipped
        Assert.Empty(cells[3].GetProperty("outputs").EnumerateArray());
    }

    [Fact]
    public async Task Invalid_json_fails_without_running_and_names_file_and_position()
    {
        // Written here rather than committed: an .ipynb that is not JSON would trip every notebook tool in the repository.
        var path = Path.Combine(_out, "invalid-json.ipynb");
        File.WriteAllText(path, "{\n \"cells\": [\n  {\"cell_type\": \"code\", \"source\": [\"1\"]\n  }\n ,,\n}\n");
        var result = await RunPath(path);

        Assert.Equal(NotebookStatus.InvalidNotebook, result.Status);
        Assert.Null(result.ExecutedPath);
        Assert.Contains("invalid-json.ipynb is not valid JSON at line 5", result.Error);
        Assert.Contains("[invalid-json] FAILED", _log.ToString());
    }

    [Fact]
    public async Task A_cell_for_another_kernel_fails_clearly()
    {
        var result = await Run("not-csharp.ipynb");

        Assert.Equal(NotebookStatus.CellFailed, result.Status);
        Assert.Equal(2, result.FailedCell!.Number);
        Assert.Contains("This is a 'fsharp' cell; run-workshops runs C# cells only", result.Error);
    }

    [Fact]
    public async Task Unknown_parameter_is_refused_before_the_kernel_starts_and_lists_declared_ones()
    {
        var error = await Assert.ThrowsAsync<NotebookParameterException>(() => Run("good.ipynb", new() { ["samples"] = "1" }));

        Assert.Contains("good.ipynb does not declare parameter samples", error.Message);
        Assert.Contains("sampleSize, label, rate, verbose", error.Message);
        Assert.False(File.Exists(Path.Combine(_out, "notebooks", "good.ipynb")));
    }

    [Fact]
    public async Task A_cell_starting_with_a_parameters_comment_takes_parameters()
    {
        var result = await Run("comment-parameters.ipynb", new() { ["seed"] = "7" });

        Assert.Equal(NotebookStatus.Ok, result.Status);
        Assert.Contains("seed=7 region=EU", result.Cells.Last().Stdout);
    }

    [Fact]
    public async Task Display_updates_replace_the_display_raw_cells_stay_raw_and_charts_go_to_the_output_folder()
    {
        var result = await Run("display-update.ipynb");

        Assert.Equal(NotebookStatus.Ok, result.Status);
        var cells = ReadJson(result.ExecutedPath!).GetProperty("cells").EnumerateArray().ToList();
        var outputs = cells[0].GetProperty("outputs").EnumerateArray().ToList();
        Assert.Equal(["display_data", "stream", "execute_result"], outputs.Select(o => o.GetProperty("output_type").GetString()));
        Assert.Equal("finished", Text(outputs[0].GetProperty("data").GetProperty("text/plain")));
        Assert.Equal("stderr", outputs[1].GetProperty("name").GetString());
        Assert.Contains(">3<", Text(outputs[2].GetProperty("data").GetProperty("text/html")));
        Assert.Equal(1, outputs[2].GetProperty("execution_count").GetInt32());

        Assert.Equal("raw", cells[1].GetProperty("cell_type").GetString());
        Assert.Equal("raw text, not code", Text(cells[1].GetProperty("source")));
        Assert.False(cells[1].TryGetProperty("outputs", out _));

        Assert.Equal(Path.Combine(_out, "charts", "display-update") + Path.DirectorySeparatorChar, result.ChartsDirectory);
        Assert.True(File.Exists(Path.Combine(result.ChartsDirectory!, "chart.png")));
    }

    [Fact]
    public async Task A_notebook_running_past_the_timeout_fails_and_skips_the_rest()
    {
        var result = await Run("timeout.ipynb", timeout: TimeSpan.FromSeconds(3));

        Assert.Equal(NotebookStatus.TimedOut, result.Status);
        Assert.Equal(1, result.FailedCell!.Number);
        Assert.Contains("timeout.ipynb timed out after 3 seconds while running cell 1", result.Error);
        Assert.DoesNotContain("never", _log.ToString());
        Assert.Equal("TimeoutError", ReadJson(result.ExecutedPath!).GetProperty("cells")[0].GetProperty("outputs")
                                                                  .EnumerateArray().Last().GetProperty("ename").GetString());
    }

    [Fact]
    public async Task Wrong_kernelspec_is_reported_as_a_warning_but_the_cells_still_run()
    {
        var json = File.ReadAllText(Fixture("comment-parameters.ipynb"))
            .Replace("\"name\": \".net-csharp\"", "\"name\": \"python3\"");
        var path = Path.Combine(_out, "python-kernelspec.ipynb");
        File.WriteAllText(path, json);

        var result = await new NotebookRunner(new NotebookRunOptions { OutputDirectory = _out }, _log).RunAsync(path);

        Assert.Equal(NotebookStatus.Ok, result.Status);
        Assert.Contains("[python-kernelspec] warning: kernelspec name is 'python3', expected '.net-csharp'", _log.ToString());
    }

    /// <summary>Needs the NuGet package registry, or YamlDotNet 18.1.0 already in the local NuGet cache.</summary>
    [Fact]
    [Trait("Category", "NeedsPackageRegistry")]
    public async Task Nuget_reference_cell_restores_the_package_and_later_cells_use_it()
    {
        var result = await Run("nuget.ipynb");

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("Segment: loyal", result.Cells.Last().Stdout);
    }

    [Fact]
    public async Task Exercise_runs_with_its_solution_and_its_attendee_copy_stops_at_the_cell_that_uses_it_with_the_todo()
    {
        var solved = await Run("exercise.ipynb");
        Assert.True(solved.Succeeded, solved.Error);
        Assert.Contains("answer 42", solved.Cells.Last().Stdout);

        var attendee = Path.Combine(_out, "attendee", "exercise.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(attendee)!);
        File.WriteAllText(attendee, AttendeeGenerator.Generate(LoadedNotebook.Load(Fixture("exercise.ipynb"))));
        var unsolved = await RunPath(attendee);

        Assert.Equal(NotebookStatus.CellFailed, unsolved.Status);
        Assert.Equal(5, unsolved.Cells.Last().Number); // the cell that calls Answer(), numbered as in the attendee copy
        Assert.Contains("TODO: return the answer", unsolved.Error);
        var executed = ReadJson(unsolved.ExecutedPath!).GetProperty("cells").EnumerateArray().Select(c => Text(c.GetProperty("source"))).ToList();
        Assert.DoesNotContain(executed, c => c.Contains("=> 42", StringComparison.Ordinal));
    }
}

using System.Text.Json;
using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>The attendee copy of a notebook: no solution cells, no outputs, paths one folder deeper, ids kept.</summary>
public sealed class AttendeeGeneratorTests : IDisposable
{
    private readonly string _folder = NewTempDirectory();

    public void Dispose() => DeleteQuietly(_folder);

    private const string Instructor = """
        {
         "cells": [
          {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Title\n", "Set `source = \"../data/olist\"`; see [the data](../data/README.md) and [01](01-first.ipynb); not a../b.\n"]},
          {"cell_type": "code", "id": "setup", "execution_count": 3, "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}],
           "source": ["#r \"../artifacts/bin/CustomerAnalytics/debug/CustomerAnalytics.dll\"\n", "var p = Path.GetFullPath(\"../lib\"); var q = \"x/../y\";\n"]},
          {"cell_type": "code", "id": "ex-1", "execution_count": null, "metadata": {"tags": ["exercise"]}, "outputs": [], "source": ["// TODO: answer\n", "int Answer() => Exercise.Todo<int>(\"answer\");"]},
          {"cell_type": "code", "id": "ex-1-solution", "execution_count": 4, "metadata": {"tags": ["solution"], "jupyter": {"source_hidden": true}}, "outputs": [], "source": ["int Answer() => 42;"]},
          {"cell_type": "code", "id": "ex-1-check", "execution_count": 5, "metadata": {"tags": ["check"]}, "outputs": [], "source": ["Check(Answer())"]}
         ],
         "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "language_info": {"name": "C#"}},
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    private JsonElement Generated()
    {
        var path = Path.Combine(_folder, "02-x.ipynb");
        File.WriteAllText(path, Instructor);
        return JsonDocument.Parse(AttendeeGenerator.Generate(LoadedNotebook.Load(path))).RootElement;
    }

    [Fact]
    public void Solution_cells_are_left_out_so_the_check_follows_its_exercise_and_ids_and_metadata_stay()
    {
        var cells = Generated().GetProperty("cells").EnumerateArray().ToList();

        Assert.Equal(["intro", "setup", "ex-1", "ex-1-check"], cells.Select(c => c.GetProperty("id").GetString()));
        Assert.DoesNotContain(cells, c => Text(c.GetProperty("source")).Contains("=> 42", StringComparison.Ordinal));
        Assert.Equal("exercise", cells[2].GetProperty("metadata").GetProperty("tags")[0].GetString());
        Assert.Equal(".net-csharp", Generated().GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
    }

    [Fact]
    public void Outputs_and_execution_counts_are_cleared()
    {
        foreach (var cell in Generated().GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            Assert.Equal(0, cell.GetProperty("outputs").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Fact]
    public void Paths_relative_to_the_notebook_folder_get_one_more_level_and_nothing_else_changes()
    {
        var cells = Generated().GetProperty("cells").EnumerateArray().Select(c => Text(c.GetProperty("source"))).ToList();

        Assert.Contains("#r \"../../artifacts/bin/CustomerAnalytics/debug/CustomerAnalytics.dll\"", cells[1]);
        Assert.Contains("Path.GetFullPath(\"../../lib\")", cells[1]);
        Assert.Contains("\"x/../y\"", cells[1]); // not at the start of the literal: not relative to the notebook
        Assert.Contains("`source = \"../../data/olist\"`", cells[0]);
        Assert.Contains("[the data](../../data/README.md)", cells[0]);
        Assert.Contains("[01](01-first.ipynb)", cells[0]); // the attendee copy of 01 is next to this one
        Assert.Contains("not a../b.", cells[0]);
    }

    [Fact]
    public void The_copy_lives_in_the_attendee_folder_and_generating_twice_gives_the_same_text()
    {
        var path = Path.Combine(_folder, "02-x.ipynb");
        File.WriteAllText(path, Instructor);

        var written = Assert.Single(AttendeeGenerator.WriteAll([path]));

        Assert.Equal(Path.Combine(_folder, "attendee", "02-x.ipynb"), written);
        Assert.Equal(AttendeeGenerator.Generate(LoadedNotebook.Load(path)), File.ReadAllText(written));
        Assert.Equal(File.ReadAllText(written), AttendeeGenerator.Generate(LoadedNotebook.Load(path)));
    }
}

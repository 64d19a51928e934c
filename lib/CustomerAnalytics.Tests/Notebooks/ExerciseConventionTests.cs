using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every exercise is real: a TODO cell (tagged <c>exercise</c>, its cell id the exercise's id) whose placeholder
/// <c>Exercise.Todo("task")</c> fails until done, directly followed by its hidden solution (tagged <c>solution</c>) and,
/// where the workshop has checks, by a check cell (tagged <c>check</c>). The instructor notebooks run top to bottom with
/// the solutions; the attendee copies (notebooks/attendee/, without solutions) stop at their first exercise with the
/// task's own words.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed partial class ExerciseConventionTests
{
    /// <summary>The workshops that teach ML.NET or TorchSharp: at least two exercises each.</summary>
    public static readonly TheoryData<string> MachineLearningNotebooks =
        ["02-kmeans-segmentation.ipynb", "03-propensity-modelling.ipynb", "04-lstm-touchpoint-prediction.ipynb", "05-churn-attention.ipynb", "06-deploy-and-monitor.ipynb"];

    /// <summary>The machine learning workshops, and any other notebook that has an exercise.</summary>
    public static TheoryData<string> NotebooksWithExercises() => new(Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb")
        .Select(Path.GetFileName).OfType<string>()
        .Where(n => MachineLearningNotebooks.Contains(n) || Cells(n).Any(c => Tagged(c, "exercise")))
        .Order(StringComparer.Ordinal));

    private static List<JsonElement> Cells(string name) =>
        ReadJson(Path.Combine(RepositoryPaths.Notebooks, name)).GetProperty("cells").EnumerateArray().ToList();

    private static bool Tagged(JsonElement cell, string tag) =>
        cell.GetProperty("metadata").TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == tag);

    /// <summary>The task of each exercise cell, in notebook order, read from its <c>Exercise.Todo(...)</c> placeholder.</summary>
    private static List<string> Tasks(string name) => Cells(name).Where(c => Tagged(c, "exercise"))
        .Select(c => TodoTask().Match(Text(c.GetProperty("source"))) is { Success: true } m ? Regex.Unescape(m.Groups["task"].Value) : "")
        .ToList();

    /// <summary>The workshops whose every exercise has a check cell: all of them (00 has no exercise).</summary>
    private static readonly string[] CheckedNotebooks = ["01-rfm-sql-prep.ipynb", "02-kmeans-segmentation.ipynb", "03-propensity-modelling.ipynb", "04-lstm-touchpoint-prediction.ipynb", "05-churn-attention.ipynb", "06-deploy-and-monitor.ipynb"];

    public static TheoryData<string> NotebooksWithChecks() => new(CheckedNotebooks);

    private static string? Id(JsonElement cell) => cell.TryGetProperty("id", out var id) ? id.GetString() : null;

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void Every_exercise_has_a_placeholder_then_a_hidden_solution_then_its_check_if_any(string name)
    {
        var cells = Cells(name);
        var checkedWorkshop = CheckedNotebooks.Contains(name);
        for (var i = 0; i < cells.Count; i++)
        {
            if (Tagged(cells[i], "exercise"))
            {
                var source = Text(cells[i].GetProperty("source"));
                Assert.True(TodoTask().IsMatch(source), $"{name}: exercise cell {i + 1} has no Exercise.Todo(\"...\") placeholder.");
                Assert.Contains("// TODO", source);
                Assert.False(string.IsNullOrEmpty(Id(cells[i])), $"{name}: exercise cell {i + 1} has no cell id (Exercise.Hint finds the exercise by it).");
                Assert.True(i + 1 < cells.Count && Tagged(cells[i + 1], "solution"), $"{name}: exercise cell {i + 1} is not followed by a cell tagged solution.");
                var hidden = cells[i + 1].GetProperty("metadata").TryGetProperty("jupyter", out var jupyter) &&
                             jupyter.TryGetProperty("source_hidden", out var h) && h.GetBoolean();
                Assert.True(hidden, $"{name}: the solution cell {i + 2} is not collapsed (metadata jupyter.source_hidden = true).");
                if (checkedWorkshop)
                    Assert.True(i + 2 < cells.Count && Tagged(cells[i + 2], "check"), $"{name}: the solution cell {i + 2} is not followed by its exercise's check cell (tagged check).");
            }
            if (Tagged(cells[i], "solution"))
                Assert.True(i > 0 && Tagged(cells[i - 1], "exercise"), $"{name}: solution cell {i + 1} does not follow an exercise cell.");
            if (Tagged(cells[i], "check"))
            {
                Assert.True(i > 1 && Tagged(cells[i - 1], "solution") && Tagged(cells[i - 2], "exercise"), $"{name}: check cell {i + 1} does not follow an exercise and its solution.");
                // The hint and solution lines of a check name its own exercise.
                foreach (Match help in HelpCall().Matches(Text(cells[i].GetProperty("source"))))
                    Assert.True(help.Groups["id"].Value == Id(cells[i - 2]), $"{name}: check cell {i + 1} asks for the help of '{help.Groups["id"].Value}', but its exercise is '{Id(cells[i - 2])}'.");
            }
        }
    }

    [Fact]
    public void Exercise_ids_are_unique_across_the_notebooks()
    {
        var ids = Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).OfType<string>()
            .SelectMany(n => Cells(n).Where(c => Tagged(c, "exercise")).Select(c => Id(c) ?? "")).ToList();
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory, MemberData(nameof(NotebooksWithChecks))]
    public void A_workshop_with_checks_has_at_least_three_exercises_each_checked_and_offering_its_hint_and_solution(string name)
    {
        var cells = Cells(name);
        var checks = cells.Where(c => Tagged(c, "check")).Select(c => Text(c.GetProperty("source"))).ToList();
        Assert.True(checks.Count >= 3, $"{name} has {checks.Count} checked exercise(s); the workshop needs at least three.");
        Assert.All(checks, c =>
        {
            Assert.Contains("// display(Exercise.Hint(workshop, ", c);
            Assert.Contains("// display(Exercise.Solution(workshop, ", c);
        });
    }

    [Theory, MemberData(nameof(MachineLearningNotebooks))]
    public void Machine_learning_workshops_have_at_least_two_exercises(string name)
    {
        var tasks = Tasks(name);
        Assert.True(tasks.Count >= 2, $"{name} has {tasks.Count} exercise(s); the workshop needs at least two.");
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t)));
    }

    [Theory, MemberData(nameof(NotebooksWithExercises))]
    public void The_attendee_copy_run_top_to_bottom_stops_at_the_first_exercise_with_its_todo(string name)
    {
        var first = Tasks(name).FirstOrDefault() ?? throw new InvalidOperationException($"{name} has no exercise.");
        var output = WorkshopRuns.NewOutputFolder(Path.GetFileNameWithoutExtension(name) + "-attendee");

        var run = RunExe(RepositoryPaths.Root, [Path.Combine("notebooks", AttendeeGenerator.AttendeeFolder, name), "--out", output,
            .. WorkshopRuns.ParameterArgs(Path.GetFileNameWithoutExtension(name))]);

        Assert.True(run.ExitCode == 1, $"the attendee copy of {name} should fail at its first exercise, but exited {run.ExitCode}:\n{run.Output}");
        Assert.Contains($"TODO: {first}", run.Output);
    }

    [GeneratedRegex("""Exercise\.(?:Hint|Solution)\(workshop, "(?<id>[^"]*)"\)""")]
    private static partial Regex HelpCall();

    [GeneratedRegex("""Exercise\.Todo(<[^(]*>)?\("(?<task>(?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex TodoTask();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every exercise is real: a TODO cell (tagged <c>exercise</c>) whose placeholder <c>Exercise.Todo("task")</c> fails
/// until done, directly followed by its hidden solution (tagged <c>solution</c>). The notebooks run top to bottom with
/// the solutions; without them, each stops at its first exercise with the task's own words.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed partial class ExerciseConventionTests
{
    /// <summary>The workshops that teach ML.NET or TorchSharp: at least two exercises each.</summary>
    public static readonly TheoryData<string> MachineLearningNotebooks =
        ["02-kmeans-segmentation.ipynb", "03-propensity-modelling.ipynb", "04-lstm-touchpoint-prediction.ipynb", "05-churn-attention.ipynb"];

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

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void Every_exercise_has_a_placeholder_and_a_hidden_solution_right_after_it(string name)
    {
        var cells = Cells(name);
        for (var i = 0; i < cells.Count; i++)
        {
            if (Tagged(cells[i], "exercise"))
            {
                var source = Text(cells[i].GetProperty("source"));
                Assert.True(TodoTask().IsMatch(source), $"{name}: exercise cell {i + 1} has no Exercise.Todo(\"...\") placeholder.");
                Assert.Contains("// TODO", source);
                Assert.True(i + 1 < cells.Count && Tagged(cells[i + 1], "solution"), $"{name}: exercise cell {i + 1} is not followed by a cell tagged solution.");
                var hidden = cells[i + 1].GetProperty("metadata").TryGetProperty("jupyter", out var jupyter) &&
                             jupyter.TryGetProperty("source_hidden", out var h) && h.GetBoolean();
                Assert.True(hidden, $"{name}: the solution cell {i + 2} is not collapsed (metadata jupyter.source_hidden = true).");
            }
            if (Tagged(cells[i], "solution"))
                Assert.True(i > 0 && Tagged(cells[i - 1], "exercise"), $"{name}: solution cell {i + 1} does not follow an exercise cell.");
        }
    }

    [Theory, MemberData(nameof(MachineLearningNotebooks))]
    public void Machine_learning_workshops_have_at_least_two_exercises(string name)
    {
        var tasks = Tasks(name);
        Assert.True(tasks.Count >= 2, $"{name} has {tasks.Count} exercise(s); the workshop needs at least two.");
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t)));
    }

    [Theory, MemberData(nameof(NotebooksWithExercises))]
    public void Without_its_solutions_the_notebook_stops_at_the_first_exercise_with_its_todo(string name)
    {
        var first = Tasks(name).FirstOrDefault() ?? throw new InvalidOperationException($"{name} has no exercise.");
        var output = WorkshopRuns.NewOutputFolder(Path.GetFileNameWithoutExtension(name) + "-without-solutions");

        var run = RunExe(RepositoryPaths.Root, [Path.Combine("notebooks", name), "--without-solutions", "--out", output,
            .. WorkshopRuns.ParameterArgs(Path.GetFileNameWithoutExtension(name))]);

        Assert.True(run.ExitCode == 1, $"{name} without its solutions should fail at its first exercise, but exited {run.ExitCode}:\n{run.Output}");
        Assert.Contains($"TODO: {first}", run.Output);
    }

    [GeneratedRegex("""Exercise\.Todo(<[^(]*>)?\("(?<task>(?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex TodoTask();
}

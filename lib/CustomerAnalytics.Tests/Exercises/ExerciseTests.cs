using CustomerAnalytics.Exercises;

namespace CustomerAnalytics.Tests.Exercises;

public sealed class ExerciseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("exercise-help-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Todo_stops_with_the_task_and_what_to_do()
    {
        var e = Assert.Throws<ExerciseNotDoneException>(() => Exercise.Todo<int>("count the one-time buyers"));
        Assert.Equal("count the one-time buyers", e.WhatToWrite);
        Assert.StartsWith("TODO: count the one-time buyers. Write it in the exercise cell", e.Message);
        Assert.IsAssignableFrom<WorkshopException>(e);
        Assert.Throws<ExerciseNotDoneException>(() => Exercise.Todo("print the table"));
    }

    [Fact]
    public void A_check_says_what_is_wrong_in_its_sentence()
    {
        var e = new ExerciseCheckException("Your model still uses spend.");
        Assert.Equal("Your model still uses spend.", e.WhatIsWrong);
        Assert.StartsWith("Not yet: Your model still uses spend. Fix the exercise cell above", e.Message);
        Assert.IsAssignableFrom<WorkshopException>(e);
    }

    private Workshop WorkshopWith(string notebook)
    {
        Directory.CreateDirectory(Path.Combine(_root, "notebooks"));
        File.WriteAllText(Path.Combine(_root, "notebooks", "02-x.ipynb"), notebook);
        return new Workshop(_root, _root, _root);
    }

    private const string Notebook = """
        {"cells": [
          {"cell_type": "code", "id": "02-answer", "metadata": {"tags": ["exercise"]}, "source": ["// TODO: the answer\n", "int Answer() => Exercise.Todo<int>(\"the answer\");"]},
          {"cell_type": "code", "id": "02-answer-solution", "metadata": {"tags": ["solution"]}, "source": ["// Hint: six times seven,\n", "// Hint: or ask a computer.\n", "int Answer() => 42;"]},
          {"cell_type": "code", "id": "02-other", "metadata": {"tags": ["exercise"]}, "source": "int Other() => Exercise.Todo<int>(\"other\");"},
          {"cell_type": "code", "id": "02-other-solution", "metadata": {"tags": ["solution"]}, "source": "int Other() => 1;"}
        ], "nbformat": 4}
        """;

    [Fact]
    public void Hint_and_solution_come_from_the_instructor_notebooks_solution_cell_as_text()
    {
        var workshop = WorkshopWith(Notebook);

        Assert.Equal("six times seven, or ask a computer.", Exercise.Hint(workshop, "02-answer").Text);
        var solution = Exercise.Solution(workshop, "02-answer");
        Assert.Equal("int Answer() => 42;", solution.Text); // the hint lines are not part of it
        Assert.Contains("02-answer", solution.Title);
        Assert.Contains("<pre>int Answer() =&gt; 42;</pre>", solution.ToHtml());
        Assert.Equal("int Other() => 1;", Exercise.Solution(workshop, "02-other").Text); // a source as one string
        Assert.StartsWith("No hint for this exercise", Exercise.Hint(workshop, "02-other").Text);
    }

    [Fact]
    public void An_unknown_exercise_is_refused_naming_the_ones_there_are()
    {
        var e = Assert.Throws<ExerciseHelpException>(() => Exercise.Hint(WorkshopWith(Notebook), "02-elbow"));
        Assert.Contains("No exercise '02-elbow'", e.Message);
        Assert.Contains("02-answer, 02-other", e.Message);
    }

    [Theory]
    [InlineData("02-elbow", "int ElbowK(IReadOnlyList<(int K, double AverageDistance)> curve)")]
    [InlineData("02-naming", "string NameCluster(ClusterMembers c) =>")]
    [InlineData("02-without-spend", "SegmentationModel TrainWithoutSpend(int clusters)")]
    public void Workshop_02s_exercises_have_a_hint_and_a_solution(string id, string solutionStart)
    {
        var workshop = new Workshop(RepositoryPaths.Root, RepositoryPaths.Root, RepositoryPaths.Root);

        Assert.StartsWith(solutionStart, Exercise.Solution(workshop, id).Text);
        Assert.DoesNotContain("Exercise.Todo", Exercise.Solution(workshop, id).Text);
        Assert.DoesNotContain("No hint", Exercise.Hint(workshop, id).Text);
    }
}

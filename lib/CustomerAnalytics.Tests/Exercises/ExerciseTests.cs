using CustomerAnalytics.Exercises;

namespace CustomerAnalytics.Tests.Exercises;

public sealed class ExerciseTests
{
    [Fact]
    public void Todo_stops_with_the_task_and_what_to_do()
    {
        var e = Assert.Throws<ExerciseNotDoneException>(() => Exercise.Todo<int>("count the one-time buyers"));
        Assert.Equal("count the one-time buyers", e.WhatToWrite);
        Assert.StartsWith("TODO: count the one-time buyers. Write it in the exercise cell above", e.Message);
        Assert.IsAssignableFrom<WorkshopException>(e);
        Assert.Throws<ExerciseNotDoneException>(() => Exercise.Todo("print the table"));
    }
}

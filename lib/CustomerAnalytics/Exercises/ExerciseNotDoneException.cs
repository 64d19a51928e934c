namespace CustomerAnalytics.Exercises;

/// <summary>An exercise's code is still the <see cref="Exercise.Todo{T}"/> placeholder.</summary>
public sealed class ExerciseNotDoneException(string whatToWrite)
    : WorkshopException($"TODO: {whatToWrite}. Write it in the exercise cell and run that cell again (stuck? the check cell after the exercise shows a hint or the solution on request; the instructor copy in notebooks/ has the solutions).")
{
    /// <summary>The task as the exercise states it.</summary>
    public string WhatToWrite { get; } = whatToWrite;
}

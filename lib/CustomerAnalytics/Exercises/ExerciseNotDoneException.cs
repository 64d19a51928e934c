namespace CustomerAnalytics.Exercises;

/// <summary>An exercise's code is still the <see cref="Exercise.Todo{T}"/> placeholder.</summary>
public sealed class ExerciseNotDoneException(string whatToWrite)
    : WorkshopException($"TODO: {whatToWrite}. Write it in the exercise cell above and run it again (or expand and run the hidden solution cell).")
{
    /// <summary>The task as the exercise states it.</summary>
    public string WhatToWrite { get; } = whatToWrite;
}

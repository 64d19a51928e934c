namespace CustomerAnalytics.Exercises;

/// <summary>
/// Placeholders for the notebooks' exercises. An exercise cell defines what the attendee must write as a method
/// whose body is <c>Exercise.Todo&lt;T&gt;("...")</c>; the hidden solution cell below it defines the same method for
/// real (a later cell's definition replaces an earlier one), and the cell after both uses it. Left undone (the
/// solution cell not run or removed), that cell stops with the TODO's own words.
/// </summary>
/// <example><code>
/// // exercise cell
/// IEstimator&lt;ITransformer&gt; MyPipeline() => Exercise.Todo&lt;IEstimator&lt;ITransformer&gt;&gt;("append a KMeans trainer to the scaler");
/// </code></example>
public static class Exercise
{
    /// <summary>Always throws <see cref="ExerciseNotDoneException"/> saying what is left to write.</summary>
    /// <typeparam name="T">What the completed code returns, so the placeholder type-checks where it is used.</typeparam>
    /// <param name="whatToWrite">The task, as the exercise's markdown states it.</param>
    public static T Todo<T>(string whatToWrite) => throw new ExerciseNotDoneException(whatToWrite);

    /// <summary>Always throws <see cref="ExerciseNotDoneException"/>; for an exercise with no result.</summary>
    public static void Todo(string whatToWrite) => throw new ExerciseNotDoneException(whatToWrite);
}

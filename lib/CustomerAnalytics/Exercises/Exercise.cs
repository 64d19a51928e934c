namespace CustomerAnalytics.Exercises;

/// <summary>
/// The notebooks' exercises. An exercise cell (tagged <c>exercise</c>, its cell id the exercise's id) defines what the
/// attendee must write as a method whose body is <c>Exercise.Todo&lt;T&gt;("...")</c>; the check cell after it tests
/// the attendee's result and says in one sentence what is wrong (<see cref="ExerciseCheckException"/>). The attendee's
/// copy of a notebook (<c>notebooks/attendee/</c>) has no solutions, so running it never replaces the attendee's
/// code; the instructor's copy has each solution in a hidden cell between the exercise and its check.
/// <see cref="Hint"/> and <see cref="Solution"/> show the hint and the solution on request, without running them.
/// </summary>
/// <example><code>
/// // exercise cell
/// int ElbowK(IReadOnlyList&lt;(int K, double AverageDistance)&gt; curve) => Exercise.Todo&lt;int&gt;("return the k of the elbow");
/// // check cell
/// // display(Exercise.Hint(workshop, "02-elbow"));
/// SegmentationChecks.Elbow(ElbowK, selection)
/// </code></example>
public static class Exercise
{
    /// <summary>Always throws <see cref="ExerciseNotDoneException"/> saying what is left to write.</summary>
    /// <typeparam name="T">What the completed code returns, so the placeholder type-checks where it is used.</typeparam>
    /// <param name="whatToWrite">The task, as the exercise's markdown states it.</param>
    public static T Todo<T>(string whatToWrite) => throw new ExerciseNotDoneException(whatToWrite);

    /// <summary>Always throws <see cref="ExerciseNotDoneException"/>; for an exercise with no result.</summary>
    public static void Todo(string whatToWrite) => throw new ExerciseNotDoneException(whatToWrite);

    /// <summary>The hint of exercise <paramref name="id"/> (the <c>// Hint:</c> lines of its solution cell in the instructor notebook).</summary>
    /// <param name="workshop">The notebook's workshop: its repository holds the instructor notebooks.</param>
    /// <param name="id">The exercise cell's id, e.g. <c>02-elbow</c>.</param>
    /// <exception cref="ExerciseHelpException">No instructor notebook has that exercise.</exception>
    public static ExerciseHelpText Hint(Workshop workshop, string id)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new ExerciseHelpText($"Hint for {id}", InstructorNotebooks.Read(workshop.Root, id).Hint);
    }

    /// <summary>The solution of exercise <paramref name="id"/> as text, to read and compare; it is not run, so the
    /// attendee's own code stays what runs.</summary>
    /// <param name="workshop">The notebook's workshop: its repository holds the instructor notebooks.</param>
    /// <param name="id">The exercise cell's id, e.g. <c>02-elbow</c>.</param>
    /// <exception cref="ExerciseHelpException">No instructor notebook has that exercise.</exception>
    public static ExerciseHelpText Solution(Workshop workshop, string id)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new ExerciseHelpText($"Solution of {id} (shown, not run)", InstructorNotebooks.Read(workshop.Root, id).Solution);
    }
}

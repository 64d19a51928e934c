namespace CustomerAnalytics.Exercises;

/// <summary>
/// An exercise's check found the attendee's code wrong: the message says in one sentence what is wrong, so Run All
/// stops at the check cell with it.
/// </summary>
public sealed class ExerciseCheckException(string whatIsWrong)
    : WorkshopException($"Not yet: {whatIsWrong} Fix the exercise cell above and run it and this check again (stuck? uncomment the hint or solution line of this cell).")
{
    /// <summary>The one sentence saying what is wrong.</summary>
    public string WhatIsWrong { get; } = whatIsWrong;
}

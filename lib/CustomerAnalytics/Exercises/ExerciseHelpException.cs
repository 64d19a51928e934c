namespace CustomerAnalytics.Exercises;

/// <summary>A hint or solution was asked for an exercise the instructor notebooks do not have.</summary>
public sealed class ExerciseHelpException(string message) : WorkshopException(message);

namespace CustomerAnalytics.Training;

/// <summary>A type whose source a notebook shows is not found under lib/CustomerAnalytics (not run from a clone).</summary>
public sealed class SourceNotFoundException(string message) : WorkshopException(message);

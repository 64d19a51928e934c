namespace CustomerAnalytics.Sequences.Data;

/// <summary>A sequence given to a model cannot be used (for example an empty journey).</summary>
public sealed class SequenceInputException(string message) : WorkshopException(message);

namespace CustomerAnalytics.Churn.Data;

/// <summary>Event data that cannot be turned into churn or next-event sequences (no usable events, missing columns).</summary>
public sealed class ChurnDataException(string message, Exception? inner = null) : WorkshopException(message, inner);

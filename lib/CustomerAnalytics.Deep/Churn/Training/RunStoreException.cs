namespace CustomerAnalytics.Churn.Training;

/// <summary>A run folder under artifacts/runs that is missing or incomplete.</summary>
public sealed class RunStoreException(string message, Exception? inner = null) : WorkshopException(message, inner);

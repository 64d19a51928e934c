namespace CustomerAnalytics.Churn.Training;

/// <summary>Input a trained model cannot score: event names it never saw (when unknown events are not allowed).</summary>
public sealed class UnknownEventException(string message) : WorkshopException(message);

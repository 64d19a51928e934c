namespace CustomerAnalytics.Churn;

/// <summary>Event data that cannot be turned into churn or next-event sequences (no usable events, missing columns).</summary>
public sealed class ChurnDataException(string message, Exception? inner = null) : WorkshopException(message, inner);

/// <summary>A model configuration file that is missing, is not JSON, or has unknown keys or wrong types (each named by its path).</summary>
public sealed class ChurnConfigException(string message, IReadOnlyList<string> problems, Exception? inner = null) : WorkshopException(message, inner)
{
    /// <summary>Every problem found, one per key path, e.g. "$.training.learning_rate: expected a number, found a string".</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Input a trained model cannot score: event names it never saw (when unknown events are not allowed).</summary>
public sealed class UnknownEventException(string message) : WorkshopException(message);

/// <summary>A run folder under artifacts/runs that is missing or incomplete.</summary>
public sealed class RunStoreException(string message, Exception? inner = null) : WorkshopException(message, inner);

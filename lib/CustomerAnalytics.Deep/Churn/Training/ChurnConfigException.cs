namespace CustomerAnalytics.Churn.Training;

/// <summary>A model configuration file that is missing, is not JSON, or has unknown keys or wrong types (each named by its path).</summary>
public sealed class ChurnConfigException(string message, IReadOnlyList<string> problems, Exception? inner = null) : WorkshopException(message, inner)
{
    /// <summary>Every problem found, one per key path, e.g. "$.training.learning_rate: expected a number, found a string".</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

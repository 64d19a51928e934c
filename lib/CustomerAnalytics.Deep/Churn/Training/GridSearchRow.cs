namespace CustomerAnalytics.Churn.Training;

/// <summary>One combination of a grid search and how it scored on validation.</summary>
public sealed record GridSearchRow(IReadOnlyDictionary<string, string> Parameters, double Metric, int BestEpoch, int Epochs, double Seconds, string? RunId)
{
    /// <summary>The row of a finished run of <paramref name="combination"/>, recorded as <paramref name="run"/> (if recorded).</summary>
    public static GridSearchRow Of(IReadOnlyDictionary<string, string> combination, TrainingResult result, RunInfo? run) =>
        new(combination, result.BestMetric, result.BestEpoch, result.History.Count, result.Seconds, run?.RunId);
}

using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// A grid search's outcome: every combination tried (see <see cref="ModelConfig.Combinations"/>) with its validation
/// score, and the best run's result and record. The notebook's search loop builds it; it renders as a table.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record GridSearchResult(string Model, string Metric, IReadOnlyList<GridSearchRow> Rows, TrainingResult Best, RunInfo? BestRun) : IHtmlRenderable
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Model}: {Rows.Count} combination(s); best validation {Metric} {Best.BestMetric:F3} ({Describe(Rows.MaxBy(r => r.Metric)!.Parameters)})");

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["parameters", $"validation {Metric}", "best epoch", "epochs run", "seconds", "run"],
        Rows.Select(r => new object?[] { Describe(r.Parameters), r.Metric, r.BestEpoch, r.Epochs, Math.Round(r.Seconds, 1), r.RunId }),
        $"Grid search of {Model}: best by validation {Metric}");

    private static string Describe(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0 ? "(config defaults)" : string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));
}

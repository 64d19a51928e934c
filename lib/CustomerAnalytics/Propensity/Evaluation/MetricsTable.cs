using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// ML.NET's evaluation of several models on the same sessions, as one table: ranking (AUC-ROC, AUC-PR), probability
/// quality (log-loss, in bits as ML.NET reports it) and decisions at the model's threshold (F1, balanced accuracy,
/// Cohen's kappa, orders found, false alarms). What ML.NET does not report (balanced accuracy, kappa) comes from
/// <see cref="BinaryMetrics.Of"/>, the counts of ML.NET's own confusion matrix.
/// </summary>
/// <param name="SetName">Which sessions (for example "validation").</param>
/// <param name="Rows">Model name and its metrics, in display order.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record MetricsTable(string SetName, IReadOnlyList<KeyValuePair<string, BinaryClassificationMetrics>> Rows) : IHtmlRenderable
{
    /// <summary>The table of <paramref name="metrics"/> (for example a dictionary of model name to
    /// <c>mlContext.BinaryClassification.Evaluate(...)</c>).</summary>
    public static MetricsTable Of<TMetrics>(string setName, IEnumerable<KeyValuePair<string, TMetrics>> metrics)
        where TMetrics : BinaryClassificationMetrics =>
        new(setName, metrics.Select(m => new KeyValuePair<string, BinaryClassificationMetrics>(m.Key, m.Value)).ToArray());

    /// <summary>The table of one model's metrics.</summary>
    public static MetricsTable Of(string setName, string model, BinaryClassificationMetrics metrics) => new(setName, [new(model, metrics)]);

    private static readonly string[] Headers =
        ["model", "AUC-ROC", "AUC-PR", "log-loss (bits)", "F1", "balanced accuracy", "Cohen's kappa", "orders found", "false alarms"];

    private static object?[] Row(string model, BinaryClassificationMetrics m)
    {
        string F(double v) => double.IsNaN(v) ? "" : v.ToString("F3", CultureInfo.InvariantCulture);
        double logLoss = m is CalibratedBinaryClassificationMetrics c ? c.LogLoss : double.NaN;
        var counts = BinaryMetrics.Of(m);
        return [model, F(m.AreaUnderRocCurve), F(m.AreaUnderPrecisionRecallCurve), F(logLoss), F(m.F1Score), F(counts.BalancedAccuracy),
            F(counts.Kappa), $"{counts.TruePositives}/{counts.Positives}", counts.FalsePositives];
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        var first = Rows.Count == 0 ? null : BinaryMetrics.Of(Rows[0].Value);
        var caption = first is null ? $"No models on the {SetName} set" : string.Create(CultureInfo.InvariantCulture,
            $"Models on the {SetName} set: {first.Total:N0} sessions, {first.Positives:N0} orders; decisions: each model's PredictedLabel");
        return Html.Table(Headers, Rows.Select(r => Row(r.Key, r.Value)), caption);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Rows.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{r.Key}: AUC-ROC {r.Value.AreaUnderRocCurve:F3}, AUC-PR {r.Value.AreaUnderPrecisionRecallCurve:F3}, F1 {r.Value.F1Score:F3}, kappa {BinaryMetrics.Of(r.Value).Kappa:F3}")));
}

using System.Globalization;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>
/// Model Monitor's model quality job: once the true outcomes arrive, joins them to the captured predictions by event id
/// and position, computes AUC, precision, recall and F1 on the window, and reports each figure that fell more than
/// <c>margin</c> below the baseline's (the test set's) as a <c>model_quality_check</c> violation.
/// </summary>
public static class ModelQualityJob
{
    /// <summary>Runs the job.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The margin is negative.</exception>
    public static ModelQualityResult Run(IReadOnlyList<ScoredCase> predictions, IReadOnlyList<GroundTruth> labels, ModelQuality baseline, double margin = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        var byKey = predictions.GroupBy(p => (p.EventId, p.Position)).ToDictionary(g => g.Key, g => g.First());
        var matched = labels.Where(l => byKey.ContainsKey((l.EventId, l.Position))).Select(l => (Case: byKey[(l.EventId, l.Position)], l.Ordered)).ToArray();
        var window = ModelQuality.Of(matched.Select(m => m.Case.Probability).ToArray(), matched.Select(m => m.Case.Decision).ToArray(), matched.Select(m => m.Ordered).ToArray());
        var violations = matched.Length == 0 ? [] : window.Figures.Zip(baseline.Figures)
            .Where(f => f.First.Value < f.Second.Value - margin)
            .Select(f => new ConstraintViolation(f.First.Name, "model_quality_check", string.Create(CultureInfo.InvariantCulture,
                $"{f.First.Name} {f.First.Value:0.####} on {matched.Length:N0} labelled predictions, more than {margin} below the baseline's {f.Second.Value:0.####}.")))
            .ToArray();
        return new ModelQualityResult(window, matched.Length, labels.Count - matched.Length, violations);
    }
}

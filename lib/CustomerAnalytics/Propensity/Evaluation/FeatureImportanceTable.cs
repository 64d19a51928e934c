using System.Globalization;
using CustomerAnalytics.Display;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// The result of ML.NET's permutation feature importance (<c>mlContext.BinaryClassification.PermutationFeatureImportance...</c>)
/// as a table sorted by AUC lost, most important first. ML.NET reports each metric's change (shuffled minus original),
/// so a drop is its negative.
/// </summary>
/// <param name="Model">Model name.</param>
/// <param name="Features">One entry per feature, most important first (ties by name).</param>
/// <param name="Permutations">Shuffles per feature.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record FeatureImportanceTable(string Model, IReadOnlyList<FeatureImportance> Features, int Permutations) : IHtmlRenderable
{
    /// <summary>Sorts ML.NET's per-feature statistics (keyed by feature name) by the AUC they lost.</summary>
    public static FeatureImportanceTable From(string model, IReadOnlyDictionary<string, BinaryClassificationMetricsStatistics> importance)
    {
        var features = importance
            .Select(f => new FeatureImportance(f.Key, -f.Value.AreaUnderRocCurve.Mean, f.Value.AreaUnderRocCurve.StandardDeviation,
                -f.Value.AreaUnderPrecisionRecallCurve.Mean))
            .OrderByDescending(f => Math.Round(f.AucDrop, 12)).ThenBy(f => f.Feature, StringComparer.Ordinal)
            .ToArray();
        int permutations = importance.Count == 0 ? 0 : (int)importance.Values.First().AreaUnderRocCurve.Count;
        return new FeatureImportanceTable(model, features, permutations);
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        return Html.Table(["feature", "AUC-ROC drop", "± sd", "AUC-PR drop"],
            Features.Select(f => new object?[] { f.Feature, F(f.AucDrop), F(f.AucDropStdDev), F(f.AucPrDrop) }),
            string.Create(CultureInfo.InvariantCulture, $"Permutation feature importance of {Model} (shuffles per feature: {Permutations})"));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Features.Take(5).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Feature} {f.AucDrop:F4}")));
}

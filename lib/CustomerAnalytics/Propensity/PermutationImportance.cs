using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity;

/// <summary>How much one feature matters: the drop in AUC when its values are shuffled across sessions.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="AucDrop">Mean AUC lost over the repeats (larger: the model leans on it more).</param>
/// <param name="AucDropStdDev">Standard deviation of the drop over the repeats.</param>
/// <param name="LogLossIncrease">Mean log-loss added.</param>
public sealed record FeatureImportance(string Feature, double AucDrop, double AucDropStdDev, double LogLossIncrease);

/// <summary>
/// Permutation feature importance: shuffle one feature's column (breaking its link to the label while keeping its
/// rate), score again, and measure what the model lost. Model-agnostic, so the three models can be compared; done
/// here directly on the feature vectors so every shuffle is seeded and the result repeatable.
/// </summary>
/// <param name="Model">Model name.</param>
/// <param name="BaselineAuc">AUC with no feature shuffled.</param>
/// <param name="Features">One entry per feature, most important first.</param>
/// <param name="Repeats">Shuffles per feature.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record PermutationImportance(string Model, double BaselineAuc, IReadOnlyList<FeatureImportance> Features, int Repeats) : IHtmlRenderable
{
    /// <summary>Computes the importance of every feature on labelled <paramref name="sessions"/>.</summary>
    public static PermutationImportance Compute(PropensityClassifier model, IReadOnlyList<SessionRecord> sessions, int repeats = 3, int seed = 42)
    {
        var labels = PropensityData.Labels(sessions);
        var rows = sessions.Select(SessionInput.From).ToArray();
        var baseline = model.Score(rows);
        double baseAuc = BinaryMetrics.Auc(baseline, labels), baseLoss = BinaryMetrics.LogLoss(baseline, labels);
        var random = new Random(seed);
        var names = SessionRecord.FeatureNames;
        var result = new List<FeatureImportance>();
        for (int f = 0; f < names.Count; f++)
        {
            var drops = new double[repeats];
            double lossIncrease = 0;
            for (int r = 0; r < repeats; r++)
            {
                var column = rows.Select(x => x.Features[f]).ToArray();
                random.Shuffle(column);
                var permuted = rows.Select((x, i) => WithFeature(x, f, column[i]));
                var scores = model.Score(permuted);
                drops[r] = baseAuc - BinaryMetrics.Auc(scores, labels);
                lossIncrease += (BinaryMetrics.LogLoss(scores, labels) - baseLoss) / repeats;
            }
            double mean = drops.Average();
            double sd = repeats > 1 ? Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (repeats - 1)) : 0;
            result.Add(new FeatureImportance(names[f], mean, sd, lossIncrease));
        }
        return new PermutationImportance(model.Name, baseAuc, result.OrderByDescending(x => x.AucDrop).ThenBy(x => x.Feature, StringComparer.Ordinal).ToArray(), repeats);
    }

    private static SessionInput WithFeature(SessionInput x, int feature, float value)
    {
        var copy = (float[])x.Features.Clone();
        copy[feature] = value;
        return new SessionInput { Features = copy, Label = x.Label };
    }

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["feature", "AUC drop", "± sd", "log-loss increase"],
        Features.Select(f => new object?[] { f.Feature, f.AucDrop.ToString("F4", CultureInfo.InvariantCulture),
            f.AucDropStdDev.ToString("F4", CultureInfo.InvariantCulture), f.LogLossIncrease.ToString("F4", CultureInfo.InvariantCulture) }),
        string.Create(CultureInfo.InvariantCulture, $"Permutation importance of {Model} (baseline AUC {BaselineAuc:F3}, {Repeats} shuffles per feature)"));
}

using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// "Which ranking is best?" answered with uncertainty: each model's figure on the same sessions with a bootstrap
/// interval over those sessions, and the computed <see cref="Verdict"/>. Every model is resampled with the same seed,
/// so all see the same draws of sessions (a paired comparison). The sessions are in the order of a seeded split
/// (<see cref="PropensityData.Split"/>), which does not depend on the file's row order, so neither do the intervals.
/// </summary>
public static class RankingVerdict
{
    /// <summary>Compares the models' <paramref name="figure"/> (for example <see cref="RankingMetric.AucRoc"/>),
    /// higher being better, on the sessions they all scored.</summary>
    /// <param name="metric">What the figure is, with the sessions it is computed on (for example "test AUC-ROC").</param>
    /// <param name="models">Two or more models' scores of the same sessions, in the same order, with the same labels.</param>
    /// <param name="figure">The figure of scores against labels.</param>
    /// <param name="options">Resamples, seed and level of the bootstrap.</param>
    public static Verdict Compare(string metric, IReadOnlyList<ModelScores> models, Func<IReadOnlyList<double>, IReadOnlyList<bool>, double> figure,
        BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(figure);
        if (models.Count < 2) throw new ArgumentException($"A verdict compares at least two models; got {models.Count}.", nameof(models));
        var labels = models[0].Labels;
        foreach (var m in models.Skip(1))
            if (!m.Labels.SequenceEqual(labels))
                throw new ArgumentException($"{m.Model} scored other sessions than {models[0].Model} (their labels differ): compare models on the same sessions, in the same order.", nameof(models));
        var candidates = models.Select(m => new Candidate(m.Model, Bootstrap.Interval(labels.Count, draw =>
            figure(draw.Select(i => m.Probabilities[i]).ToArray(), draw.Select(i => labels[i]).ToArray()), options))).ToArray();
        return Verdict.Compare(metric, candidates);
    }
}

using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>When a difference from the baseline counts as a violation.</summary>
/// <param name="Psi">Population stability index at or above which a shift is material (0.1: "moderate" by the usual rule of thumb).</param>
/// <param name="Alpha">Significance level of the tests, divided by the number of features (Bonferroni) so that a batch
/// with no drift raises a false alarm on any feature less than <c>Alpha</c> of the time.</param>
public sealed record DriftThresholds(double Psi = 0.1, double Alpha = 0.01)
{
    /// <summary>Default thresholds: PSI 0.1 and α = 0.01 (family-wise).</summary>
    public static DriftThresholds Default { get; } = new();
}

/// <summary>
/// Compares a batch of sessions (and the model's scores of it) with a <see cref="DriftBaseline"/>: per feature, the
/// PSI of its rate and a chi-square test; for the scores, the PSI over the baseline's decile bins and a
/// Kolmogorov-Smirnov test. A violation needs both a material shift (PSI) and a significant one (test): PSI alone
/// flags noise in small batches, a test alone flags tiny shifts in big ones.
/// </summary>
public static class DriftMonitor
{
    /// <summary>Builds the drift report of one batch.</summary>
    public static DriftReport Check(DriftBaseline baseline, IReadOnlyList<SessionRecord> batch, IReadOnlyList<double> batchScores,
        DriftThresholds? thresholds = null, string batchName = "batch") =>
        Check(baseline, batch.Select(SessionInput.From).ToArray(), batchScores, thresholds, batchName);

    /// <summary>Builds the drift report of one batch of model inputs as they reached the model (for example traffic
    /// whose flags were replaced with other numbers). A feature's rate is the share of rows whose value is exactly 1,
    /// the flag set; any other value (0, a fraction, a negative number, NaN) does not set it.</summary>
    public static DriftReport Check(DriftBaseline baseline, IReadOnlyList<SessionInput> batch, IReadOnlyList<double> batchScores,
        DriftThresholds? thresholds = null, string batchName = "batch")
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(batchScores);
        thresholds ??= DriftThresholds.Default;
        if (batch.Count == 0) throw new PropensityInputException("The batch has no sessions to check.");
        if (batch.Count != batchScores.Count)
            throw new PropensityInputException($"{batch.Count:N0} sessions but {batchScores.Count:N0} scores: score the batch with the monitored model.");
        var ones = new long[baseline.Features.Count];
        foreach (var row in batch)
            for (int f = 0; f < ones.Length; f++)
                if (row.Features[f] == 1f) ones[f]++;
        double alpha = thresholds.Alpha / baseline.Features.Count;
        var features = baseline.Features.Select((name, f) =>
        {
            double expected = baseline.FeatureRates[f], actual = (double)ones[f] / batch.Count;
            double psi = DriftStatistics.PopulationStabilityIndex(expected, actual);
            var (chi, p) = DriftStatistics.TwoProportionChiSquare(baseline.FeatureOnes[f], baseline.Sessions, ones[f], batch.Count);
            return new FeatureDrift(name, expected, actual, psi, chi, p, psi >= thresholds.Psi && p < alpha);
        }).ToArray();

        double scorePsi = DriftStatistics.PopulationStabilityIndex(baseline.ScoreShares, baseline.ScoreSharesOf(batchScores));
        var (ks, ksP) = DriftStatistics.KolmogorovSmirnov(baseline.Scores, batchScores);
        var score = new ScoreDrift(baseline.Scores.Average(), batchScores.Average(), scorePsi, ks, ksP,
            scorePsi >= thresholds.Psi && ksP < thresholds.Alpha);
        return new DriftReport(batchName, batch.Count, baseline.Sessions, features, score, thresholds);
    }
}

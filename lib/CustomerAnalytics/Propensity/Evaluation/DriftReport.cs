using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>Drift of one feature.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="BaselineRate">Rate of 1s in the baseline.</param>
/// <param name="BatchRate">Rate of 1s in the batch.</param>
/// <param name="Psi">Population stability index of the two rates.</param>
/// <param name="ChiSquare">Chi-square statistic (2×2 table).</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Violation">PSI over its threshold and p under the corrected significance level.</param>
public sealed record FeatureDrift(string Feature, double BaselineRate, double BatchRate, double Psi, double ChiSquare, double PValue, bool Violation);

/// <summary>Drift of the model's output.</summary>
/// <param name="BaselineMean">Mean score in the baseline.</param>
/// <param name="BatchMean">Mean score in the batch.</param>
/// <param name="Psi">PSI over the baseline's decile bins.</param>
/// <param name="KsStatistic">Kolmogorov-Smirnov statistic.</param>
/// <param name="KsPValue">Its p-value.</param>
/// <param name="Violation">PSI over its threshold and p under α.</param>
public sealed record ScoreDrift(double BaselineMean, double BatchMean, double Psi, double KsStatistic, double KsPValue, bool Violation);

/// <summary>The drift report of one batch against the baseline: every feature, the score, and the violations.</summary>
/// <param name="Batch">Name of the batch.</param>
/// <param name="BatchSessions">Sessions in the batch.</param>
/// <param name="BaselineSessions">Sessions in the baseline.</param>
/// <param name="Features">One row per feature, in vector order.</param>
/// <param name="Score">The score distribution's drift.</param>
/// <param name="Thresholds">The thresholds applied.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record DriftReport(string Batch, int BatchSessions, int BaselineSessions, IReadOnlyList<FeatureDrift> Features, ScoreDrift Score,
    DriftThresholds Thresholds) : IHtmlRenderable
{
    /// <summary>Names of the features in violation.</summary>
    public IReadOnlyList<string> Violations => Features.Where(f => f.Violation).Select(f => f.Feature).ToArray();

    /// <summary>True when any feature or the score is in violation.</summary>
    public bool HasViolations => Violations.Count > 0 || Score.Violation;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Batch}: {BatchSessions:N0} sessions; violations: {(HasViolations ? string.Join(", ", Violations.Append(Score.Violation ? "score" : null).OfType<string>()) : "none")}");

    /// <summary>A summary line, the violations first, then every feature.</summary>
    public string ToHtml()
    {
        string F(double v, string format = "F4") => v.ToString(format, CultureInfo.InvariantCulture);
        string P(double p) => p < 1e-4 ? "< 0.0001" : F(p);
        var summary = HasViolations
            ? $"{Violations.Count} feature violation(s): {string.Join(", ", Violations)}; score distribution {(Score.Violation ? "VIOLATION" : "ok")}"
            : "No violations.";
        var features = Html.Table(["feature", "baseline rate", "batch rate", "PSI", "chi-square", "p-value", "status"],
            Features.OrderByDescending(f => f.Violation).ThenByDescending(f => f.Psi).Select(f => new object?[]
                { f.Feature, F(f.BaselineRate, "P2"), F(f.BatchRate, "P2"), F(f.Psi), F(f.ChiSquare, "F1"), P(f.PValue), f.Violation ? "VIOLATION" : "ok" }),
            string.Create(CultureInfo.InvariantCulture,
                $"Drift of '{Batch}' ({BatchSessions:N0} sessions) against the baseline ({BaselineSessions:N0}): PSI ≥ {Thresholds.Psi} and p < {Thresholds.Alpha}/{Features.Count}"));
        var score = Html.Table(["output", "baseline mean", "batch mean", "PSI", "KS statistic", "KS p-value", "status"],
            [["probability", F(Score.BaselineMean), F(Score.BatchMean), F(Score.Psi), F(Score.KsStatistic), P(Score.KsPValue), Score.Violation ? "VIOLATION" : "ok"]],
            "Score distribution");
        return "<p><b>" + Html.Encode(summary) + "</b></p>" + features + score;
    }
}

using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>One bin of a reliability plot.</summary>
/// <param name="Sessions">Sessions in the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability.</param>
/// <param name="ObservedRate">Share that ordered.</param>
/// <param name="Orders">Orders in the bin.</param>
public sealed record CalibrationBin(int Sessions, double MeanPredicted, double ObservedRate, int Orders);

/// <summary>
/// Reliability of the probabilities: sessions sorted by probability and cut into bins of equal size (equal-count
/// bins, because most probabilities are tiny and equal-width bins would leave the top ones nearly empty). A calibrated
/// model's bins lie on the diagonal: of sessions given 20%, about 20% order.
/// </summary>
/// <param name="Bins">Bins from the lowest probabilities to the highest.</param>
/// <param name="Brier">Brier score of all sessions.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record CalibrationCurve(IReadOnlyList<CalibrationBin> Bins, double Brier) : IHtmlRenderable
{
    /// <summary>Cuts the sessions into <paramref name="bins"/> equal-count bins by probability.</summary>
    public static CalibrationCurve Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        ScoreRanking.Check(probabilities, labels);
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ThenBy(i => i).ToArray();
        var result = new List<CalibrationBin>();
        for (int b = 0; b < bins; b++)
        {
            int start = (int)((long)order.Length * b / bins), end = (int)((long)order.Length * (b + 1) / bins);
            if (end <= start) continue;
            var members = order[start..end];
            int orders = members.Count(i => labels[i]);
            result.Add(new CalibrationBin(members.Length, members.Average(i => probabilities[i]), (double)orders / members.Length, orders));
        }
        return new CalibrationCurve(result, BrierScore(probabilities, labels));
    }

    /// <summary>Mean squared difference between probability and label: 0 for certain and right, lower is better.</summary>
    private static double BrierScore(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        probabilities.Count == 0 ? 0 : probabilities.Select((p, i) => Math.Pow(p - (labels[i] ? 1 : 0), 2)).Average();

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["bin", "sessions", "mean predicted", "observed rate", "orders"],
        Bins.Select((b, i) => new object?[] { i + 1, b.Sessions, b.MeanPredicted.ToString("F4", CultureInfo.InvariantCulture),
            b.ObservedRate.ToString("F4", CultureInfo.InvariantCulture), b.Orders }),
        string.Create(CultureInfo.InvariantCulture, $"Calibration: {Bins.Count} equal-count bins, Brier score {Brier:F4}"));
}

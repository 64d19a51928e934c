using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// The profit-maximising threshold next to the break-even probability cost / value, and the sessions between the two.
/// Below break-even, the model's own probabilities say those sessions' contacts cost more than their orders could
/// bring even if the contact caused every one of them; a curve that still takes them has found orders the probabilities
/// did not predict there (luck of the sessions, or probabilities too low in that band), and <see cref="Sentence"/> says so.
/// </summary>
/// <param name="Threshold">The threshold that maximises the profit curve.</param>
/// <param name="BreakEven">Cost / value.</param>
/// <param name="BelowBreakEven">True when the threshold lies below break-even.</param>
/// <param name="BandSessions">Sessions with a probability between the two (from the lower, inclusive, to the higher, exclusive).</param>
/// <param name="BandOrders">How many of them ordered.</param>
/// <param name="BandMeanProbability">Their mean predicted probability (NaN when the band is empty).</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record BreakEvenCheck(double Threshold, double BreakEven, bool BelowBreakEven, int BandSessions, int BandOrders, double BandMeanProbability)
    : IHtmlRenderable
{
    /// <summary>Compares the best threshold of <paramref name="profit"/> with its break-even, on the sessions the
    /// curve was computed from.</summary>
    public static BreakEvenCheck Of(ProfitCurve profit, IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(profit);
        ScoreRanking.Check(probabilities, labels);
        double threshold = profit.Best.Threshold, breakEven = profit.Settings.BreakEvenProbability;
        double low = Math.Min(threshold, breakEven), high = Math.Max(threshold, breakEven);
        var band = Enumerable.Range(0, probabilities.Count).Where(i => probabilities[i] >= low && probabilities[i] < high).ToArray();
        return new BreakEvenCheck(threshold, breakEven, threshold < breakEven, band.Length, band.Count(i => labels[i]),
            band.Length == 0 ? double.NaN : band.Average(i => probabilities[i]));
    }

    /// <summary>What the comparison means, in one paragraph with its figures.</summary>
    public string Sentence => BelowBreakEven
        ? string.Create(CultureInfo.InvariantCulture,
            $"Warning: the profit-maximising threshold {Threshold:F4} lies below the break-even probability cost / value = {BreakEven:F4}. ") +
          string.Create(CultureInfo.InvariantCulture,
            $"The {BandSessions:N0} sessions between the two have a mean predicted probability of {Pct(BandMeanProbability, 1)}: by the model's own figures each of their contacts costs more than the order it could bring, even if the contact caused every order. ") +
          string.Create(CultureInfo.InvariantCulture,
            $"The curve took them because {BandOrders:N0} of them ordered ({Pct(Rate, 1)}): luck of these sessions, or probabilities too low in that band. Do not contact below break-even on this evidence; check the calibration there and the threshold's spread first.")
        : string.Create(CultureInfo.InvariantCulture,
            $"The profit-maximising threshold {Threshold:F4} is at or above the break-even probability cost / value = {BreakEven:F4}: every contacted session's predicted probability is at least break-even. ") +
          string.Create(CultureInfo.InvariantCulture,
            $"The {BandSessions:N0} sessions between break-even and the threshold are left out: on these sessions their {BandOrders:N0} orders earn no more than their contacts would cost.");

    /// <summary>The order rate of the band (NaN when it is empty).</summary>
    public double Rate => BandSessions == 0 ? double.NaN : (double)BandOrders / BandSessions;

    private static string Pct(double share, int decimals = 0) => (share * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc/>
    public override string ToString() => Sentence;

    /// <inheritdoc/>
    public string ToHtml()
    {
        string F(double v) => double.IsNaN(v) ? "" : v.ToString("F4", CultureInfo.InvariantCulture);
        return Html.Table(["profit-maximising threshold", "break-even (cost / value)", "below break-even", "sessions between", "orders between", "their mean probability"],
            [[F(Threshold), F(BreakEven), BelowBreakEven ? "yes" : "no", BandSessions, BandOrders, F(BandMeanProbability)]]) + $"<p>{Html.Encode(Sentence)}</p>";
    }
}

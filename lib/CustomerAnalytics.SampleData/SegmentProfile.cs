namespace CustomerAnalytics.SampleData;

/// <summary>
/// How customers of one segment buy: how many purchases, how recently, over how long, and how much.
/// A customer makes 1 + Poisson(<see cref="ExtraPurchasesMean"/>) purchases; the last falls uniformly between
/// <see cref="LastPurchaseMinDaysAgo"/> and <see cref="LastPurchaseMaxDaysAgo"/> days before the period end,
/// the others uniformly in the <see cref="HistoryDays"/> days before it (never before the period start);
/// each purchase is worth LogNormal(ln <see cref="MedianSpend"/>, <see cref="SpendSigma"/>) times the
/// customer's own log-normal spend level (sigma 0.3).
/// </summary>
/// <param name="Segment">The segment these parameters describe.</param>
/// <param name="Share">Fraction of customers in this segment (shares are normalised over all profiles).</param>
/// <param name="ExtraPurchasesMean">Mean number of purchases after the first.</param>
/// <param name="LastPurchaseMinDaysAgo">Most recent possible last purchase, in days before the period end.</param>
/// <param name="LastPurchaseMaxDaysAgo">Oldest possible last purchase, in days before the period end.</param>
/// <param name="HistoryDays">Span before the last purchase over which earlier purchases fall.</param>
/// <param name="MedianSpend">Median value of one purchase (BRL for Olist, GBP for Online Retail).</param>
/// <param name="SpendSigma">Log-scale spread of one purchase's value.</param>
public sealed record SegmentProfile(
    CustomerSegment Segment,
    double Share,
    double ExtraPurchasesMean,
    double LastPurchaseMinDaysAgo,
    double LastPurchaseMaxDaysAgo,
    double HistoryDays,
    double MedianSpend,
    double SpendSigma)
{
    /// <summary>Probability that a customer of this segment buys more than once: 1 - e^-mean.</summary>
    public double RepeatProbability => 1.0 - DeterministicMath.Exp(-ExtraPurchasesMean);

    /// <summary>Expected share of customers with two or more purchases under the given profiles.</summary>
    public static double ExpectedRepeatShare(IReadOnlyList<SegmentProfile> profiles)
    {
        double total = profiles.Sum(p => p.Share);
        return profiles.Sum(p => p.Share * p.RepeatProbability) / total;
    }
}

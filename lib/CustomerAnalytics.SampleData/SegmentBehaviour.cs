namespace CustomerAnalytics.SampleData;

/// <summary>One generated customer's purchases: when (days since the period start) and how much.</summary>
internal sealed record PurchaseHistory(CustomerSegment Segment, double[] Days, double[] Values);

/// <summary>Draws customers from a list of <see cref="SegmentProfile"/>s (shared by Olist and Online Retail).</summary>
internal sealed class SegmentBehaviour(IReadOnlyList<SegmentProfile> profiles, double periodDays)
{
    private readonly double[] _shares = profiles.Select(p => p.Share).ToArray();

    public PurchaseHistory Next(SeededRandom random)
    {
        var profile = profiles[random.Categorical(_shares)];
        int count = 1 + random.Poisson(profile.ExtraPurchasesMean);
        double last = periodDays - random.Uniform(profile.LastPurchaseMinDaysAgo, profile.LastPurchaseMaxDaysAgo);
        last = Math.Clamp(last, 0, periodDays);
        double earliest = Math.Max(0, last - profile.HistoryDays);
        var days = new double[count];
        days[0] = last;
        for (int i = 1; i < count; i++) days[i] = random.Uniform(earliest, last);
        Array.Sort(days);

        double level = random.LogNormal(0, 0.3); // some customers simply spend more than others
        var values = new double[count];
        double mu = DeterministicMath.Log(profile.MedianSpend);
        for (int i = 0; i < count; i++) values[i] = level * random.LogNormal(mu, profile.SpendSigma);
        return new PurchaseHistory(profile.Segment, days, values);
    }
}

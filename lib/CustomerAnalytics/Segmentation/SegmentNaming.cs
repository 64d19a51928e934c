namespace CustomerAnalytics.Segmentation;

/// <summary>
/// Names clusters from their profiles, comparing each cluster's means with the whole customer base
/// (index = cluster mean / overall mean):
/// <list type="bullet">
/// <item>buys often (frequency index ≥ 1.5) and recently (recency index &lt; 1): "Champions" when spend index ≥ 1.5, else "Loyal customers";</item>
/// <item>buys often but not recently: "At risk";</item>
/// <item>rarely, very recently (recency index &lt; 0.6): "New customers"; rarely, fairly recently: "Potential loyalists";</item>
/// <item>rarely and long ago: "Hibernating".</item>
/// </list>
/// Clusters that get the same name are told apart by spend ("high spend" / "low spend", or a rank).
/// </summary>
public static class SegmentNaming
{
    /// <summary>One name per profile, in the same order; names are unique.</summary>
    public static IReadOnlyList<string> Name(IReadOnlyList<ClusterProfile> profiles, double meanRecency, double meanFrequency, double meanMonetary)
    {
        static double Index(double value, double mean) => mean == 0 ? 1 : value / mean;
        var names = profiles.Select(p => Base(Index(p.MeanRecency, meanRecency), Index(p.MeanFrequency, meanFrequency), Index(p.MeanMonetary, meanMonetary))).ToArray();
        foreach (var group in names.Select((n, i) => (n, i)).GroupBy(t => t.n).Where(g => g.Count() > 1).ToArray())
        {
            var bySpend = group.OrderByDescending(t => profiles[t.i].MeanMonetary).ToArray();
            for (int r = 0; r < bySpend.Length; r++)
                names[bySpend[r].i] = $"{group.Key} ({(bySpend.Length == 2 ? (r == 0 ? "high spend" : "low spend") : $"spend rank {r + 1}")})";
        }
        return names;
    }

    private static string Base(double recency, double frequency, double monetary) =>
        frequency >= 1.5
            ? recency < 1 ? monetary >= 1.5 ? "Champions" : "Loyal customers" : "At risk"
            : recency < 0.6 ? "New customers" : recency < 1 ? "Potential loyalists" : "Hibernating";
}

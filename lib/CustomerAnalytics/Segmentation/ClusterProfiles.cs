using CustomerAnalytics.Display;

namespace CustomerAnalytics.Segmentation;

/// <summary>The profile of every cluster (mean R, F, M, size, revenue) with its name; renders as a table.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class ClusterProfiles(IReadOnlyList<ClusterProfile> profiles) : IHtmlRenderable, IReadOnlyList<ClusterProfile>
{
    /// <summary>Profiles of <paramref name="clusters"/> (1..k, one per customer of <paramref name="features"/>), named by <see cref="SegmentNaming"/>.</summary>
    public static ClusterProfiles Build(CustomerFeatures features, IReadOnlyList<int> clusters, int k)
    {
        if (clusters.Count != features.Count)
            throw new SegmentationException($"{clusters.Count:N0} cluster labels for {features.Count:N0} customers: score the same customers you profile.");
        var totalRevenue = features.Monetary.Sum();
        var unnamed = Enumerable.Range(1, k).Select(c =>
        {
            var members = Enumerable.Range(0, features.Count).Where(i => clusters[i] == c).ToArray();
            double Mean(IReadOnlyList<double> column) => members.Length == 0 ? 0 : members.Average(i => column[i]);
            var revenue = members.Sum(i => features.Monetary[i]);
            return new ClusterProfile(c, "", members.Length, (double)members.Length / features.Count, Mean(features.Recency),
                Mean(features.Frequency), Mean(features.Monetary), revenue, totalRevenue == 0 ? 0 : revenue / totalRevenue);
        }).ToArray();
        var names = SegmentNaming.Name(unnamed, features.Recency.Average(), features.Frequency.Average(), features.Monetary.Average());
        return new ClusterProfiles(unnamed.Select((p, i) => p with { Name = names[i] }).ToArray());
    }

    /// <inheritdoc />
    public ClusterProfile this[int index] => profiles[index];

    /// <inheritdoc />
    public int Count => profiles.Count;

    /// <inheritdoc />
    public IEnumerator<ClusterProfile> GetEnumerator() => profiles.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", profiles.Select(p => $"{p.Cluster} {p.Name}: {p.Customers:N0} customers, {p.RevenueShare:P0} of revenue"));

    /// <inheritdoc />
    public string ToHtml() => Html.Table(
        ["cluster", "segment", "customers", "share", "mean recency (days)", "mean frequency", "mean spend", "revenue", "revenue share"],
        profiles.Select(p => new object?[] { p.Cluster, p.Name, p.Customers, p.Share.ToString("P1"), Math.Round(p.MeanRecency, 1), Math.Round(p.MeanFrequency, 2),
            Math.Round(p.MeanMonetary, 2), Math.Round(p.Revenue, 2), p.RevenueShare.ToString("P1") }),
        "Cluster profiles");
}

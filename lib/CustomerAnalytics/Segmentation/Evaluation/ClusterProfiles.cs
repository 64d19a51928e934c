using CustomerAnalytics.Display;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;

namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>The profile of every cluster (mean R, F, M, size, revenue) with its name; renders as a table.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class ClusterProfiles(IReadOnlyList<ClusterProfile> profiles) : IHtmlRenderable, IReadOnlyList<ClusterProfile>
{
    /// <summary>
    /// Profiles of <paramref name="clusters"/> (1..k, one per customer of <paramref name="features"/>), named by
    /// <paramref name="rule"/> (default <see cref="SegmentNaming.GridOrDescription"/>) and made unique by <see cref="SegmentNaming.Name"/>.
    /// </summary>
    /// <exception cref="SegmentationException">The labels are not one per customer.</exception>
    public static ClusterProfiles Build(CustomerFeatures features, IReadOnlyList<int> clusters, int k, Func<ClusterMembers, string>? rule = null)
    {
        var members = SegmentNaming.Members(features, clusters, k);
        var names = SegmentNaming.Name(members, rule);
        var totalRevenue = features.Monetary.Sum();
        return new ClusterProfiles(members.Select((m, i) =>
        {
            var revenue = Enumerable.Range(0, features.Count).Where(j => clusters[j] == m.Cluster).Sum(j => features.Monetary[j]);
            return new ClusterProfile(m.Cluster, names[i], m.Customers, (double)m.Customers / features.Count, m.MeanRecency, m.MeanOrders,
                m.MeanSpend, revenue, totalRevenue == 0 ? 0 : revenue / totalRevenue, m.GridSegment, m.GridShare);
        }).ToArray());
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
        ["cluster", "segment", "customers", "share", "mean recency (days)", "mean frequency", "mean spend", "revenue", "revenue share", "most members' grid segment"],
        profiles.Select(p => new object?[] { p.Cluster, p.Name, p.Customers, p.Share.ToString("P1"), Math.Round(p.MeanRecency, 1), Math.Round(p.MeanFrequency, 2),
            Math.Round(p.MeanMonetary, 2), Math.Round(p.Revenue, 2), p.RevenueShare.ToString("P1"), $"{p.GridSegment} ({p.GridShare:P0})" }),
        "Cluster profiles");
}

using System.Globalization;
using CustomerAnalytics.Sql;
using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Segmentation.Models;

/// <summary>
/// The mechanics of naming clusters; the rule itself is workshop 02's lesson and is written in its cell (its copy here,
/// <see cref="GridOrDescription"/>, serves the tests, the benchmark and callers that pass no rule; a test checks the
/// two are the same):
/// a cluster takes a name of workshop 01's grid (<see cref="RfmGrid"/>) only when that name is true of most of its
/// members (their R score and order count, as 01 defines them) and the members' mean order count reaches the name's
/// fewest orders (so mostly one-time buyers never get a name that needs repeat orders); otherwise
/// it is described by its members (<see cref="Describe"/>). Names are made unique by spend, and depend only on the
/// members, never on the cluster ids.
/// </summary>
public static class SegmentNaming
{
    // Days in a month on average (365.25 / 12), to say recency in months.
    private const double DaysPerMonth = 30.4375;

    /// <summary>
    /// The workshop's naming rule: the grid segment most members are in, when it holds more than half of them and
    /// their mean order count reaches the segment's fewest orders; otherwise the description of the members.
    /// </summary>
    public static string GridOrDescription(ClusterMembers c) =>
        c.GridShare > 0.5 && c.MeanOrders >= RfmGrid.Definition(c.GridSegment).MinOrders ? c.GridSegment : c.Description;

    /// <summary>
    /// What a naming rule knows of each cluster 1..<paramref name="k"/>: the R score (01's rule, over all these
    /// customers) and the order count of every member give its grid segment; the members' quartiles give the description.
    /// </summary>
    /// <exception cref="SegmentationException">The labels are not one per customer.</exception>
    public static IReadOnlyList<ClusterMembers> Members(CustomerFeatures features, IReadOnlyList<int> clusters, int k)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count != features.Count)
            throw new SegmentationException($"{clusters.Count:N0} cluster labels for {features.Count:N0} customers: name the clusters of the customers you scored.");
        var rScores = RfmGrid.RecencyScores(features.Recency);
        var orders = features.Frequency.Select(f => Math.Max(1, (int)Math.Round(f))).ToArray();
        var spendOrder = features.Monetary.Order().ToArray();
        var (lowSpend, highSpend) = (Quantile(spendOrder, 1 / 3.0), Quantile(spendOrder, 2 / 3.0));
        return Enumerable.Range(1, k).Select(c =>
        {
            var members = Enumerable.Range(0, features.Count).Where(i => clusters[i] == c).ToArray();
            if (members.Length == 0) return new ClusterMembers(c, 0, 0, 0, 0, "", 0, "no customers");
            var top = members.GroupBy(i => RfmGrid.SegmentOf(rScores[i], orders[i]))
                .Select(g => (Segment: g.Key, Count: g.Count()))
                .OrderByDescending(g => g.Count).ThenBy(g => RfmGrid.Segments.ToList().FindIndex(s => s.Name == g.Segment)).First();
            return new ClusterMembers(c, members.Length, members.Average(i => features.Frequency[i]), members.Average(i => features.Recency[i]),
                members.Average(i => features.Monetary[i]), top.Segment, (double)top.Count / members.Length,
                Describe(members.Select(i => orders[i]).ToArray(), members.Select(i => features.Recency[i]).ToArray(),
                    Quantile(members.Select(i => features.Monetary[i]).Order().ToArray(), 0.5), lowSpend, highSpend));
        }).ToArray();
    }

    /// <summary>
    /// A plain name for a group of customers, each part true of the middle half of them (lower to upper quartile):
    /// their orders ("one order", "2-3 orders"), when they last bought in whole months ("5-8 months ago", "in the last
    /// 2 months"), and their median spend against all customers ("high spend": above two thirds of them; "low spend":
    /// below one third; else "mid spend").
    /// </summary>
    /// <param name="orders">The members' order counts.</param>
    /// <param name="recencyDays">The members' days since their last order.</param>
    /// <param name="medianSpend">The members' median total spend.</param>
    /// <param name="lowSpend">The total spend one third of all customers stay at or below.</param>
    /// <param name="highSpend">The total spend two thirds of all customers stay at or below.</param>
    public static string Describe(IReadOnlyList<int> orders, IReadOnlyList<double> recencyDays, double medianSpend, double lowSpend, double highSpend)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(recencyDays);
        var o = orders.Select(x => (double)x).Order().ToArray();
        var r = recencyDays.Order().ToArray();
        var (fewest, most) = ((int)Quantile(o, 0.25), (int)Quantile(o, 0.75));
        var ordersPart = fewest == most ? (fewest == 1 ? "one order" : $"{fewest} orders") : $"{fewest}-{most} orders";
        var from = (int)Math.Floor(Quantile(r, 0.25) / DaysPerMonth);
        var to = Math.Max(from + 1, (int)Math.Ceiling(Quantile(r, 0.75) / DaysPerMonth));
        var recencyPart = from == 0 ? (to == 1 ? "in the last month" : $"in the last {to} months") : $"{from}-{to} months ago";
        var spendPart = medianSpend > highSpend ? "high spend" : medianSpend <= lowSpend ? "low spend" : "mid spend";
        return string.Create(CultureInfo.InvariantCulture, $"{ordersPart}, {recencyPart}, {spendPart}");
    }

    /// <summary>
    /// One name per cluster (index 0 is cluster 1) by <paramref name="rule"/> (default <see cref="GridOrDescription"/>),
    /// made unique: clusters given the same name are told apart by mean spend ("higher spend" / "lower spend", or a rank),
    /// so the names depend only on the members, never on the cluster ids.
    /// </summary>
    public static IReadOnlyList<string> Name(IReadOnlyList<ClusterMembers> clusters, Func<ClusterMembers, string>? rule = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        rule ??= GridOrDescription;
        var names = clusters.Select(c => rule(c)).ToArray();
        foreach (var group in names.Select((n, i) => (n, i)).GroupBy(t => t.n).Where(g => g.Count() > 1).ToArray())
        {
            var bySpend = group.OrderByDescending(t => clusters[t.i].MeanSpend).ThenBy(t => clusters[t.i].MeanRecency)
                .ThenByDescending(t => clusters[t.i].MeanOrders).ThenByDescending(t => clusters[t.i].Customers).ToArray();
            for (int r = 0; r < bySpend.Length; r++)
                names[bySpend[r].i] = $"{group.Key} ({(bySpend.Length == 2 ? (r == 0 ? "higher spend" : "lower spend") : $"spend rank {r + 1}")})";
        }
        return names;
    }

    // The value at fraction q of sorted values, on the nearest-rank rule (no interpolation, so it is a value some
    // customer has).
    private static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

using System.Globalization;

namespace CustomerAnalytics.Sql;

/// <summary>
/// One cell group of workshop 01's segment grid: the R scores and order counts its members have.
/// </summary>
/// <param name="Name">The segment's name, as <c>05_segments.sql</c> writes it.</param>
/// <param name="MinR">Lowest R score (1-5, 5 = most recent).</param>
/// <param name="MaxR">Highest R score.</param>
/// <param name="MinOrders">Fewest orders.</param>
/// <param name="MaxOrders">Most orders, or null for no upper bound.</param>
public sealed record RfmGridSegment(string Name, int MinR, int MaxR, int MinOrders, int? MaxOrders)
{
    /// <summary>Whether a customer with this R score and order count is in the segment.</summary>
    public bool Contains(int rScore, int orders) => rScore >= MinR && rScore <= MaxR && AllowsOrders(orders);

    /// <summary>Whether an order count (a member's, or a mean) lies in the segment's band of orders.</summary>
    public bool AllowsOrders(double orders) => orders >= MinOrders && (MaxOrders is not { } most || orders <= most);

    /// <summary>Whether the segment admits customers with fewer than two orders.</summary>
    public bool RequiresRepeatOrders => MinOrders >= 2;

    /// <summary>The definition in words, e.g. "R 4-5 with 2-3 orders".</summary>
    public string Definition => string.Create(CultureInfo.InvariantCulture,
        $"R {(MinR == MaxR ? $"{MinR}" : $"{MinR}-{MaxR}")} with {(MaxOrders is not { } most ? $"{MinOrders}+ orders" : most == MinOrders ? (most == 1 ? "one order" : $"{most} orders") : $"{MinOrders}-{most} orders")}");

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Definition}";
}

/// <summary>
/// Workshop 01's segment grid (step 5, <c>05_segments.sql</c>) in C#: a name from the R score (1-5, recency rank in
/// fifths, 5 = most recent) and the order count. The SQL is the lesson and stays in workshop 01; this copy lets
/// workshop 02 ask whether a cluster's members meet a name's definition, and a test checks that both give every
/// customer the same segment.
/// </summary>
public static class RfmGrid
{
    /// <summary>The seven segments, in the order the SQL's CASE tests them.</summary>
    public static IReadOnlyList<RfmGridSegment> Segments { get; } =
    [
        new("Champions", 4, 5, 4, null),
        new("Potential loyalists", 4, 5, 2, 3),
        new("New customers", 4, 5, 1, 1),
        new("Loyal customers", 3, 3, 4, null),
        new("Need attention", 3, 3, 1, 3),
        new("At risk", 1, 2, 3, null),
        new("Hibernating", 1, 2, 1, 2),
    ];

    /// <summary>The segment of a customer with R score <paramref name="rScore"/> (1-5) and <paramref name="orders"/> orders (1 or more).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The R score is not 1-5 or the order count is below 1.</exception>
    public static string SegmentOf(int rScore, int orders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rScore, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rScore, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(orders, 1);
        return Segments.First(s => s.Contains(rScore, orders)).Name;
    }

    /// <summary>The definition of the segment called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No segment of the grid has that name.</exception>
    public static RfmGridSegment Definition(string name) =>
        Segments.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"'{name}' is not a segment of workshop 01's grid ({string.Join(", ", Segments.Select(s => s.Name))}).", nameof(name));

    /// <summary>
    /// The R score of every customer from the days since their last order, as <c>04_scores.sql</c> computes it over
    /// the same customers: line them up from longest ago to most recent, give a group of equal values the middle of
    /// the positions it holds, and score 1 + floor(5 x middle / n).
    /// </summary>
    public static int[] RecencyScores(IReadOnlyList<double> recencyDays)
    {
        ArgumentNullException.ThrowIfNull(recencyDays);
        long n = recencyDays.Count, worse = 0;
        var scoreOf = new Dictionary<double, int>();
        foreach (var (days, tied) in recencyDays.GroupBy(d => d).Select(g => (g.Key, (long)g.Count())).OrderByDescending(g => g.Key))
        {
            long twiceMiddle = 2 * worse + tied - 1;
            scoreOf[days] = (int)Math.Min(5, 1 + 5 * twiceMiddle / (2 * n));
            worse += tied;
        }
        return recencyDays.Select(d => scoreOf[d]).ToArray();
    }
}

using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>One group (for example a decile) of sessions ranked by probability.</summary>
/// <param name="Group">1 = the highest-scoring group.</param>
/// <param name="Sessions">Sessions in the group.</param>
/// <param name="Orders">Orders in the group.</param>
/// <param name="Lift">The group's order rate divided by the overall rate.</param>
/// <param name="CumulativeShareContacted">Share of all sessions in this group and the ones above it.</param>
/// <param name="CumulativeGain">Share of all orders found in this group and the ones above it.</param>
/// <param name="CumulativeLift">Order rate of this group and those above it, divided by the overall rate.</param>
public sealed record GainsRow(int Group, int Sessions, int Orders, double Lift, double CumulativeShareContacted, double CumulativeGain, double CumulativeLift);

/// <summary>
/// The marketer's view of a model: rank sessions by probability, cut them into equal groups, and see what share of
/// all orders the first groups hold (gains) and how many times better than random each group is (lift).
/// </summary>
/// <param name="Rows">One row per group, best first.</param>
/// <param name="OrderRate">The overall order rate.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record GainsTable(IReadOnlyList<GainsRow> Rows, double OrderRate) : IHtmlRenderable
{
    /// <summary>Ranks by probability (ties in input order) and cuts into <paramref name="groups"/> groups of equal size.</summary>
    public static GainsTable Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int groups = 10)
    {
        ScoreRanking.Check(probabilities, labels);
        int n = probabilities.Count, totalOrders = labels.Count(l => l);
        double rate = n == 0 ? 0 : (double)totalOrders / n;
        var order = Enumerable.Range(0, n).OrderByDescending(i => probabilities[i]).ThenBy(i => i).ToArray();
        var rows = new List<GainsRow>();
        int cumulativeSessions = 0, cumulativeOrders = 0;
        for (int g = 0; g < groups; g++)
        {
            int start = (int)((long)n * g / groups), end = (int)((long)n * (g + 1) / groups);
            if (end <= start) continue;
            int orders = 0;
            for (int k = start; k < end; k++) if (labels[order[k]]) orders++;
            cumulativeSessions += end - start;
            cumulativeOrders += orders;
            rows.Add(new GainsRow(g + 1, end - start, orders,
                Lift: rate == 0 ? 0 : (double)orders / (end - start) / rate,
                CumulativeShareContacted: (double)cumulativeSessions / n,
                CumulativeGain: totalOrders == 0 ? 0 : (double)cumulativeOrders / totalOrders,
                CumulativeLift: rate == 0 ? 0 : (double)cumulativeOrders / cumulativeSessions / rate));
        }
        return new GainsTable(rows, rate);
    }

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["group", "sessions", "orders", "lift", "contacted (cum.)", "orders found (cum.)", "lift (cum.)"],
        Rows.Select(r => new object?[] { r.Group, r.Sessions, r.Orders, r.Lift.ToString("F2", CultureInfo.InvariantCulture),
            r.CumulativeShareContacted.ToString("P0", CultureInfo.InvariantCulture), r.CumulativeGain.ToString("P1", CultureInfo.InvariantCulture),
            r.CumulativeLift.ToString("F2", CultureInfo.InvariantCulture) }),
        string.Create(CultureInfo.InvariantCulture, $"Gains and lift by group (overall order rate {OrderRate:P2})"));
}

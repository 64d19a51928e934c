using System.Globalization;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>
/// RFM computed independently of the SQL: plain C# over the Olist CSV files, to check the pipeline
/// customer by customer. Deliberately naive (split on commas, strip quotes: the sample files quote ids but hold no quoted commas).
/// </summary>
internal static class RfmReference
{
    public sealed record Row(string Customer, int RecencyDays, int Frequency, decimal MonetaryTotal, decimal MonetaryAvg);

    public static Dictionary<string, Row> Olist(string folder, DateTime asOf, params string[] statuses)
    {
        var customers = Read(Path.Combine(folder, "olist_customers_dataset.csv")).ToDictionary(r => r["customer_id"], r => r["customer_unique_id"]);
        var payments = Read(Path.Combine(folder, "olist_order_payments_dataset.csv"))
            .GroupBy(r => r["order_id"])
            .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r["payment_value"], CultureInfo.InvariantCulture)));
        var orders = Read(Path.Combine(folder, "olist_orders_dataset.csv"))
            .Where(r => statuses.Contains(r["order_status"]))
            .Select(r => (Id: r["order_id"], Customer: customers[r["customer_id"]],
                          At: DateTime.ParseExact(r["order_purchase_timestamp"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))
            .Where(o => o.At < asOf && payments.ContainsKey(o.Id));
        return orders.GroupBy(o => o.Customer).ToDictionary(g => g.Key, g =>
        {
            var values = g.Select(o => payments[o.Id]).ToArray();
            return new Row(g.Key, (asOf.Date - g.Max(o => o.At).Date).Days, g.Select(o => o.Id).Distinct().Count(), values.Sum(), values.Sum() / values.Length);
        });
    }

    /// <summary>The R, F and M scores and the segment of one customer.</summary>
    public sealed record Scores(int R, int F, int M, string Segment);

    /// <summary>
    /// The documented scoring rules, written out independently of the SQL: F is the band of the order count
    /// (1, 2, 3, 4-5, 6+); R and M place every customer worst-first, give a group of equal values the middle
    /// of the positions it holds, and score 1 + floor(5 x middle / n). Nothing here looks at ids.
    /// </summary>
    public static Dictionary<string, Scores> Score(IEnumerable<(string Customer, int RecencyDays, int Frequency, decimal MonetaryTotal)> rows)
    {
        var all = rows.ToArray();
        var r = Fifths(all.Select(x => -x.RecencyDays)); // worst first: longest ago
        var m = Fifths(all.Select(x => x.MonetaryTotal));
        return all.ToDictionary(x => x.Customer, x =>
        {
            int rs = r[-x.RecencyDays], f = Band(x.Frequency);
            return new Scores(rs, f, m[x.MonetaryTotal], Segment(rs, f));
        });
    }

    /// <summary>F: 1 order = 1, 2 = 2, 3 = 3, 4-5 = 4, 6+ = 5.</summary>
    public static int Band(int orders) => orders switch { 1 => 1, 2 => 2, 3 => 3, 4 or 5 => 4, _ => 5 };

    /// <summary>The segment grid of 05_segments.sql.</summary>
    public static string Segment(int r, int f) => (r, f) switch
    {
        ( >= 4, >= 4) => "Champions",
        ( >= 4, >= 2) => "Potential loyalists",
        ( >= 4, _) => "New customers",
        (3, >= 4) => "Loyal customers",
        (3, _) => "Need attention",
        (_, >= 3) => "At risk",
        _ => "Hibernating",
    };

    /// <summary>The orders a member of each segment has, by the segment's definition (fewest, most).</summary>
    public static (int Fewest, int Most) OrdersIn(string segment) => segment switch
    {
        "Champions" or "Loyal customers" => (4, int.MaxValue),
        "At risk" => (3, int.MaxValue),
        "Potential loyalists" => (2, 3),
        "Need attention" => (1, 3),
        "Hibernating" => (1, 2),
        "New customers" => (1, 1),
        _ => throw new ArgumentException($"unknown segment {segment}"),
    };

    private static Dictionary<T, int> Fifths<T>(IEnumerable<T> values) where T : notnull
    {
        var groups = values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, Count: g.Count())).ToArray();
        long n = groups.Sum(g => g.Count), worse = 0;
        var scores = new Dictionary<T, int>();
        foreach (var (value, count) in groups)
        {
            long twiceMiddle = worse + (worse + count - 1); // first position + last position
            scores[value] = 1 + (int)(5 * twiceMiddle / (2 * n));
            worse += count;
        }
        return scores;
    }

    private static IEnumerable<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',').Select(h => h.Trim('"')).ToArray();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',').Select(f => f.Trim('"')).ToArray();
            yield return header.Select((h, i) => (h, fields[i])).ToDictionary(p => p.h, p => p.Item2);
        }
    }
}

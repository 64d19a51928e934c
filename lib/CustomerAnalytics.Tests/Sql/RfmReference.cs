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

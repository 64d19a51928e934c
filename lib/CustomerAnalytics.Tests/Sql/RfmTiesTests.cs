using System.Globalization;
using System.Text;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;
using CustomerAnalytics.Tests.Data;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>
/// RFM on data shaped like the real Olist files: 97% of customers bought once, and purchases fall on a few
/// days, so recency and spend are full of ties. Equal behaviour must get equal scores, and neither the order
/// of the rows nor the customer ids may change anyone's scores.
/// </summary>
public sealed class RfmTiesTests : IDisposable
{
    private const int Customers = 2_000;
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>One customer's orders: (days before the as-of date, value) each.</summary>
    private static List<(int DaysAgo, decimal Value)>[] Behaviour()
    {
        var random = new Random(15);
        decimal[] prices = [10m, 20m, 35.50m, 50m, 99.90m];
        return Enumerable.Range(0, Customers).Select(i =>
        {
            int orders = i % 100 < 97 ? 1 : 2 + random.Next(7); // 97% one order, the rest 2 to 8
            return Enumerable.Range(0, orders)
                .Select(_ => (DaysAgo: 1 + 10 * random.Next(40), Value: prices[random.Next(prices.Length)])).ToList();
        }).ToArray();
    }

    /// <summary>Writes the behaviour as Olist files with the given ids, rows in an order shuffled by <paramref name="rowSeed"/>.</summary>
    private string Write(string name, List<(int DaysAgo, decimal Value)>[] behaviour, Func<int, string> id, int rowSeed)
    {
        var folder = Path.Combine(temp.Path, name);
        Directory.CreateDirectory(folder);
        var asOf = new DateTime(2018, 9, 1);
        var customers = new List<string>();
        var orders = new List<string>();
        var payments = new List<string>();
        for (int c = 0; c < behaviour.Length; c++)
            for (int o = 0; o < behaviour[c].Count; o++)
            {
                var (daysAgo, value) = behaviour[c][o];
                string order = $"{id(c)}-o{o}", buyer = $"{id(c)}-b{o}"; // a new customer_id per order, as in Olist
                var at = asOf.AddDays(-daysAgo).AddHours(9 + o).ToString(DatasetSchemas.OlistTimestampFormat, CultureInfo.InvariantCulture);
                customers.Add($"{buyer},{id(c)},01001,sao paulo,SP");
                orders.Add($"{order},{buyer},delivered,{at},{at},{at},{at},{at}");
                payments.Add(string.Create(CultureInfo.InvariantCulture, $"{order},1,credit_card,1,{value:0.00}"));
            }
        var random = new Random(rowSeed);
        void Save(string file, string header, List<string> lines) =>
            File.WriteAllLines(Path.Combine(folder, file), [header, .. lines.OrderBy(_ => random.Next())], Encoding.UTF8);
        Save(DatasetSchemas.OlistFiles.Customers, "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state", customers);
        Save(DatasetSchemas.OlistFiles.Orders, Samples.OrdersHeader, orders);
        Save(DatasetSchemas.OlistFiles.Payments, "order_id,payment_sequential,payment_type,payment_installments,payment_value", payments);
        return folder;
    }

    private static RfmResult Rfm(string folder)
    {
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOlist(db, folder, LoadOptions.Strict);
        var engine = db;
        return RfmPipeline.ForOlist(engine, new RfmOptions { AsOfDate = new DateTime(2018, 9, 1) }).RunAll();
    }

    private static string Id(int customer) => $"u{customer:D5}";

    [Fact]
    public void EqualValuesGetEqualScoresAndSegments()
    {
        var table = Rfm(Write("plain", Behaviour(), Id, rowSeed: 1)).Table;
        var rows = table.Rows.Select(r => (Recency: Convert.ToInt32(r["recency_days"], CultureInfo.InvariantCulture),
            Frequency: Convert.ToInt32(r["frequency"], CultureInfo.InvariantCulture),
            Monetary: Convert.ToDecimal(r["monetary_total"], CultureInfo.InvariantCulture),
            R: r["r_score"], F: r["f_score"], M: r["m_score"], Segment: (string)r["segment"])).ToArray();
        Assert.Equal(Customers, rows.Length);
        Assert.True(rows.GroupBy(r => r.Recency).Max(g => g.Count()) > 40, "the data should hold large ties in recency");

        Assert.All(rows.GroupBy(r => r.Recency), g => Assert.Single(g.Select(r => r.R).Distinct()));
        Assert.All(rows.GroupBy(r => r.Frequency), g => Assert.Single(g.Select(r => r.F).Distinct()));
        Assert.All(rows.GroupBy(r => r.Monetary), g => Assert.Single(g.Select(r => r.M).Distinct()));
        Assert.All(rows.GroupBy(r => (r.Recency, r.Frequency)), g => Assert.Single(g.Select(r => r.Segment).Distinct()));
        Assert.Equal(RfmReference.Score(RfmTables.Values(table)), RfmTables.Scores(table));
    }

    [Fact]
    public void ReorderingRowsAndRenamingIdsChangesNothingPerCustomer()
    {
        var behaviour = Behaviour();
        var before = RfmTables.Scores(Rfm(Write("plain", behaviour, Id, rowSeed: 1)).Table);
        // A permutation of the ids: customer c is now called what customer (c * 7919) mod n was called,
        // so id order and customer order no longer agree; and every file's rows are in another order.
        string Renamed(int c) => Id((int)((long)c * 7919 % Customers));
        var after = RfmTables.Scores(Rfm(Write("renamed", behaviour, Renamed, rowSeed: 2)).Table);

        Assert.Equal(Customers, after.Count);
        for (int c = 0; c < Customers; c++)
            Assert.Equal(before[Id(c)], after[Renamed(c)]);
    }

    [Fact]
    public void EveryOneTimeBuyerIsInASegmentForFewOrders()
    {
        var table = Rfm(Write("plain", Behaviour(), Id, rowSeed: 1)).Table;
        var segments = table.Rows.Select(r => (Frequency: Convert.ToInt32(r["frequency"], CultureInfo.InvariantCulture), Segment: (string)r["segment"])).ToArray();
        var oneTime = segments.Where(s => s.Frequency == 1).ToArray();
        Assert.InRange(oneTime.Length, Customers * 96 / 100, Customers * 98 / 100);
        Assert.All(oneTime, s => Assert.Contains(s.Segment, new[] { "New customers", "Need attention", "Hibernating" }));
        Assert.All(segments, s => Assert.InRange(s.Frequency, RfmReference.OrdersIn(s.Segment).Fewest, RfmReference.OrdersIn(s.Segment).Most));
        Assert.Contains(segments, s => s.Segment == "Champions"); // the few repeat buyers still reach the top
    }
}

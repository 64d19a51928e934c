using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Tests.Sql;

public class RfmPipelineTests
{
    private static readonly string OlistFolder = Path.Combine(RepositoryPaths.Data, "olist");

    private static WorkshopDatabase OlistOnDuckDb()
    {
        var db = new WorkshopDatabase();
        DatasetLoader.LoadOlist(db, OlistFolder);
        return db;
    }

    private static Dictionary<string, DataFrameRow> ByCustomer(DataFrame table) =>
        table.Rows.ToDictionary(r => (string)r["customer_unique_id"]);

    [Fact]
    public void MatchesAnIndependentComputationForEveryCustomer()
    {
        using var engine = OlistOnDuckDb();
        var result = RfmPipeline.ForOlist(engine).RunAll();
        var expected = RfmReference.Olist(OlistFolder, result.AsOfDate, "delivered");

        var actual = ByCustomer(result.Table);
        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.Count > 1000, $"only {expected.Count} customers in the sample");
        foreach (var (customer, want) in expected)
        {
            var row = actual[customer];
            Assert.Equal(want.RecencyDays, Convert.ToInt32(row["recency_days"], CultureInfo.InvariantCulture));
            Assert.Equal(want.Frequency, Convert.ToInt32(row["frequency"], CultureInfo.InvariantCulture));
            Assert.Equal((double)want.MonetaryTotal, Convert.ToDouble(row["monetary_total"], CultureInfo.InvariantCulture), 2);
            Assert.Equal((double)want.MonetaryAvg, Convert.ToDouble(row["monetary_avg"], CultureInfo.InvariantCulture), 2);
        }
    }

    [Fact]
    public void DefaultAsOfDateIsTheDayAfterTheLastDeliveredOrder()
    {
        using var engine = OlistOnDuckDb();
        var pipeline = RfmPipeline.ForOlist(engine);
        var asOf = pipeline.Prepare();
        var last = engine.Scalar<DateTime>("SELECT MAX(order_purchase_timestamp) FROM orders WHERE order_status = 'delivered'");
        Assert.Equal(last.Date.AddDays(1), asOf);
        Assert.Equal(TimeSpan.Zero, asOf.TimeOfDay);
    }

    [Fact]
    public void ScoresFollowTheDocumentedRulesForEveryCustomer()
    {
        using var engine = OlistOnDuckDb();
        var result = RfmPipeline.ForOlist(engine).RunAll();
        var reference = RfmReference.Olist(OlistFolder, result.AsOfDate, "delivered").Values;
        var expected = RfmReference.Score(reference.Select(r => (r.Customer, r.RecencyDays, r.Frequency, r.MonetaryTotal)));

        Assert.Equal(expected, RfmTables.Scores(result.Table));
        foreach (var score in new[] { "r_score", "m_score" })
            Assert.Equal([1, 2, 3, 4, 5], RfmTables.Ints(result.Table, score).Distinct().Order());
        foreach (var scaled in new[] { "recency_scaled", "frequency_scaled", "monetary_scaled" })
        {
            var values = result.Table.Columns[scaled].Cast<object>().Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(0.0, values.Min(), 9);
            Assert.Equal(5.0, values.Max(), 9);
        }
        // 5 is best: the most recent customers get R = 5, those who bought longest ago R = 1.
        var rows = result.Table.Rows.OrderBy(r => Convert.ToInt32(r["recency_days"], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, Convert.ToInt32(rows[0]["r_score"], CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt32(rows[^1]["r_score"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FrequencyScoreIsTheBandOfTheOrderCount()
    {
        using var engine = OlistOnDuckDb();
        var table = RfmPipeline.ForOlist(engine).RunAll().Table;
        var frequency = RfmTables.Ints(table, "frequency");
        var f = RfmTables.Ints(table, "f_score");
        Assert.All(frequency.Zip(f), p => Assert.Equal(p.First switch { 1 => 1, 2 => 2, 3 => 3, 4 or 5 => 4, _ => 5 }, p.Second));
        Assert.Equal([1, 2, 3, 4, 5], f.Distinct().Order()); // the sample has customers in every band
    }

    [Fact]
    public void SegmentsFollowTheDocumentedGrid()
    {
        using var engine = OlistOnDuckDb();
        var result = RfmPipeline.ForOlist(engine).RunAll();
        foreach (var row in result.Table.Rows)
        {
            int r = Convert.ToInt32(row["r_score"], CultureInfo.InvariantCulture), f = Convert.ToInt32(row["f_score"], CultureInfo.InvariantCulture);
            var segment = (string)row["segment"];
            Assert.Equal(RfmReference.Segment(r, f), segment);
            var (fewest, most) = RfmReference.OrdersIn(segment);
            Assert.InRange(Convert.ToInt32(row["frequency"], CultureInfo.InvariantCulture), fewest, most);
        }
        Assert.Equal(7, result.Segments.Rows.Count);
        Assert.Equal(result.Customers, result.Segments.Columns["customers"].Cast<object>().Sum(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)));
        Assert.Equal(1.0, result.Segments.Columns["revenue_share"].Cast<object>().Sum(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)), 6);
    }

    [Fact]
    public void AnEarlierAsOfDateLeavesOutLaterOrders()
    {
        using var engine = OlistOnDuckDb();
        var asOf = new DateTime(2018, 1, 1);
        var result = RfmPipeline.ForOlist(engine, new RfmOptions { AsOfDate = asOf }).RunAll();
        var expected = RfmReference.Olist(OlistFolder, asOf, "delivered");
        Assert.Equal(expected.Count, result.Customers);
        Assert.All(result.Table.Columns["recency_days"].Cast<object>(), v => Assert.True(Convert.ToInt32(v, CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public void OtherStatusesCanBeIncluded()
    {
        using var engine = OlistOnDuckDb();
        var delivered = RfmPipeline.ForOlist(engine).RunAll();
        var more = RfmPipeline.ForOlist(engine, new RfmOptions { AsOfDate = delivered.AsOfDate, OrderStatuses = ["delivered", "shipped", "invoiced"] }).RunAll();
        var expected = RfmReference.Olist(OlistFolder, delivered.AsOfDate, "delivered", "shipped", "invoiced");
        Assert.Equal(expected.Count, more.Customers);
        Assert.True(more.Customers >= delivered.Customers);
    }

    [Fact]
    public void EachStepIsReportedWithItsSqlAndRowCount()
    {
        using var engine = OlistOnDuckDb();
        var pipeline = RfmPipeline.ForOlist(engine);
        Assert.Equal(["01_transactions", "02_order_values", "03_rfm", "04_scores", "05_segments"], pipeline.Steps.Select(s => s.Name));
        var step = pipeline.Run("transactions");
        Assert.Equal("rfm_transactions", step.Table);
        Assert.Equal(engine.Scalar<long>("SELECT COUNT(*) FROM rfm_transactions"), step.Rows);
        Assert.Contains("JOIN customers", step.Script.Sql);
        Assert.Contains("<pre>", step.ToHtml());
        Assert.Equal(5, step.Preview.Rows.Count);
        var error = Assert.Throws<ArgumentException>(() => pipeline.Run("bogus"));
        Assert.Contains("01_transactions, 02_order_values", error.Message);
    }

    [Fact]
    public void MissingTableSaysHowToLoadIt()
    {
        using var db = new WorkshopDatabase();
        var engine = db;
        var error = Assert.Throws<SqlEngineException>(() => RfmPipeline.ForOlist(engine).RunAll());
        Assert.Contains("Table 'customers' not found", error.Message);
        Assert.Contains("DatasetLoader.LoadOlist", error.Message);
    }

    [Fact]
    public void MissingColumnIsNamedWithWhatWasFound()
    {
        using var engine = OlistOnDuckDb();
        engine.Execute("ALTER TABLE orders DROP COLUMN order_status");
        var error = Assert.Throws<SqlEngineException>(() => RfmPipeline.ForOlist(engine).RunAll());
        Assert.Contains("Table 'orders' lacks column(s) order_status", error.Message);
        Assert.Contains("Found: order_id, customer_id, order_purchase_timestamp", error.Message);
    }

    [Fact]
    public void AsOfDateBeforeTheFirstOrderIsAnError()
    {
        using var engine = OlistOnDuckDb();
        var error = Assert.Throws<SqlEngineException>(() => RfmPipeline.ForOlist(engine, new RfmOptions { AsOfDate = new DateTime(2010, 1, 1) }).RunAll());
        Assert.Contains("2010-01-01 is not after the first purchase", error.Message);
    }

    [Fact]
    public void EmptyOrdersTableIsAnError()
    {
        using var engine = OlistOnDuckDb();
        engine.Execute("DELETE FROM orders");
        var error = Assert.Throws<SqlEngineException>(() => RfmPipeline.ForOlist(engine).RunAll());
        Assert.Contains("Table 'orders' is empty", error.Message);
    }

    [Fact]
    public void NoQualifyingStatusListsTheStatusesFound()
    {
        using var engine = OlistOnDuckDb();
        var error = Assert.Throws<SqlEngineException>(() => RfmPipeline.ForOlist(engine, new RfmOptions { OrderStatuses = ["Delivered"] }).RunAll());
        Assert.Contains("No Olist purchase qualifies for RFM (statuses: Delivered)", error.Message);
        Assert.Contains("delivered", error.Message);
    }

    [Fact]
    public void StepByStepGivesTheSameTableAsRunAllAndSavesCsvAndParquet()
    {
        using var engine = OlistOnDuckDb();
        var pipeline = RfmPipeline.ForOlist(engine);
        pipeline.Prepare();
        Assert.Throws<InvalidOperationException>(() => pipeline.Result());
        foreach (var step in pipeline.Steps) pipeline.Run(step.Name);
        var stepwise = pipeline.Result();
        var all = RfmPipeline.ForOlist(engine).RunAll();
        Assert.Equal(all.Customers, stepwise.Customers);

        var folder = Directory.CreateTempSubdirectory("rfm-save-").FullName;
        try
        {
            var csv = pipeline.Save(Path.Combine(folder, "rfm.csv"));
            var lines = File.ReadAllLines(csv);
            Assert.StartsWith("customer_unique_id,recency_days,frequency,monetary_total", lines[0]);
            Assert.Equal(all.Customers + 1, lines.Length);
            var parquet = pipeline.Save(Path.Combine(folder, "rfm.parquet"));
            Assert.Equal(all.Customers, engine.Scalar<long>($"SELECT COUNT(*) FROM read_parquet('{parquet}')"));
        }
        finally { Directory.Delete(folder, true); }
    }
}

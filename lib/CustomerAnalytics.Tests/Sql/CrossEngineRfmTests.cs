using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>The same SQL files on DuckDB in process and on a real PostgreSQL server give the same RFM table.</summary>
public sealed class CrossEngineRfmTests : IDisposable
{
    private readonly PostgresServer server = new();

    public void Dispose() => server.Dispose();

    [Theory]
    [InlineData("olist")]
    [InlineData("online-retail")]
    public void DuckDbAndPostgresAgreeOnEveryCustomer(string dataset)
    {
        using var db = new WorkshopDatabase();
        string[] tables;
        if (dataset == "olist")
        {
            DatasetLoader.LoadOlist(db, Path.Combine(RepositoryPaths.Data, "olist"));
            tables = ["customers", "orders", "payments"];
        }
        else
        {
            DatasetLoader.LoadOnlineRetail(db, Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv"));
            tables = ["online_retail"];
        }
        var duck = db;
        using var postgres = new PostgresEngine(server.CreateDatabase("rfm_" + dataset.Replace("-", "_")));
        foreach (var table in tables)
            Assert.Equal(db.Count(table), TableTransfer.Copy(duck, postgres, table));

        RfmResult Run(SqlEngine engine) => dataset == "olist" ? RfmPipeline.ForOlist(engine).RunAll() : RfmPipeline.ForOnlineRetail(engine).RunAll();
        var fromDuck = Run(duck);
        var fromPostgres = Run(postgres);

        Assert.Equal(fromDuck.AsOfDate, fromPostgres.AsOfDate);
        Assert.Equal(fromDuck.Steps.Select(s => s.Rows), fromPostgres.Steps.Select(s => s.Rows));
        var expected = fromDuck.Table.Rows.ToDictionary(r => (string)r["customer_unique_id"]);
        Assert.Equal(expected.Count, fromPostgres.Table.Rows.Count);
        foreach (var row in fromPostgres.Table.Rows)
        {
            var want = expected[(string)row["customer_unique_id"]];
            foreach (var column in new[] { "recency_days", "frequency", "r_score", "f_score", "m_score", "segment" })
                Assert.Equal(Convert.ToString(want[column], CultureInfo.InvariantCulture), Convert.ToString(row[column], CultureInfo.InvariantCulture));
            foreach (var column in new[] { "monetary_total", "monetary_avg", "recency_scaled", "frequency_scaled", "monetary_scaled" })
                Assert.Equal(Convert.ToDouble(want[column], CultureInfo.InvariantCulture), Convert.ToDouble(row[column], CultureInfo.InvariantCulture), 6);
        }
    }

    [Fact]
    public void UnreachableServerGivesAClearError()
    {
        var error = Assert.Throws<SqlEngineException>(() => new PostgresEngine("Host=127.0.0.1;Port=1;Username=nobody;Password=secret;Database=rfm;Timeout=2"));
        Assert.Contains("Could not connect to PostgreSQL at 127.0.0.1:1 (database 'rfm', user 'nobody')", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}

using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;
using CustomerAnalytics.Tests.Data;
using CustomerAnalytics.Tests.Fixtures.RealFormats;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>Workshop 01's loading and RFM on the files as Kaggle publishes them (<see cref="OlistAndRetailFiles"/>).</summary>
public sealed class RealFormatRfmTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly Dictionary<string, string> parameters;

    public RealFormatRfmTests() =>
        parameters = OlistAndRetailFiles.Write(temp.Path).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReturnsTheTwoNotebookParameters()
    {
        Assert.Equal(["olistSource", "retailSource"], parameters.Keys);
        Assert.Equal(temp.Path, parameters["olistSource"]);
        Assert.True(File.Exists(parameters["retailSource"]));
    }

    [Fact]
    public void OlistAsKaggleWritesItLoadsCleanlyWithLeadingZerosAndOtherIds()
    {
        var customers = File.ReadLines(Path.Combine(parameters["olistSource"], DatasetSchemas.OlistFiles.Customers)).Take(2).ToArray();
        Assert.StartsWith("\"customer_id\",\"customer_unique_id\",\"customer_zip_code_prefix\"", customers[0]);
        var orders = File.ReadLines(Path.Combine(parameters["olistSource"], DatasetSchemas.OlistFiles.Orders)).ElementAt(1);
        Assert.Contains(",delivered,\"20", orders); // statuses unquoted, timestamps quoted

        using var db = new WorkshopDatabase();
        var load = DatasetLoader.LoadOlist(db, parameters["olistSource"], LoadOptions.Strict);
        Assert.Equal(0, load.Customers.RowsRejected + load.Orders.RowsRejected + load.Payments.RowsRejected);
        Assert.True(db.Scalar<long>("SELECT COUNT(*) FROM customers WHERE customer_zip_code_prefix LIKE '0%'") > 0,
            "zip code prefixes with a leading zero should survive");
        var sampleIds = File.ReadLines(Path.Combine(RepositoryPaths.Data, "olist", DatasetSchemas.OlistFiles.Customers)).Skip(1)
            .Select(l => l.Split(',')[1].Trim('"')).ToHashSet();
        var engine = db;
        var result = RfmPipeline.ForOlist(engine).RunAll();
        Assert.True(result.Customers > 1000);
        Assert.DoesNotContain(result.Table.Columns["customer_unique_id"].Cast<string>(), sampleIds.Contains);
    }

    [Fact]
    public void OnlineRetailInKaggleAndIsoFormLoadToTheSameTableAndTheSameRfm()
    {
        var kaggle = parameters["retailSource"];
        var iso = Path.Combine(temp.Path, "online_retail_iso.csv");
        OlistAndRetailFiles.WriteIsoForm(kaggle, iso);
        Assert.Contains("12/", File.ReadLines(kaggle, System.Text.Encoding.Latin1).ElementAt(1));
        Assert.Matches(@",20\d\d-\d\d-\d\d \d\d:\d\d:00,[\d.]*,(\d+\.0)?,", File.ReadLines(iso).ElementAt(1));

        using var db = new WorkshopDatabase();
        var fromKaggle = DatasetLoader.LoadOnlineRetail(db, kaggle, LoadOptions.Strict, table: "kaggle_form");
        var fromIso = DatasetLoader.LoadOnlineRetail(db, iso, LoadOptions.Strict, table: "iso_form");
        Assert.StartsWith("Latin-1 (ISO-8859-1), detected", fromKaggle.TextEncoding);
        Assert.Equal("UTF-8", fromIso.TextEncoding);
        Assert.Equal(fromKaggle.RowsRead, fromIso.RowsRead);
        Assert.Equal(0, fromKaggle.RowsRejected + fromIso.RowsRejected);
        const string Everything = "SELECT * FROM {0} ORDER BY InvoiceNo, StockCode, Description, Quantity, UnitPrice";
        Assert.Equal(Rows(db.Query(string.Format(Everything, "kaggle_form"))), Rows(db.Query(string.Format(Everything, "iso_form"))));
        Assert.Contains("CRÈME BRÛLÉE RAMEKIN", db.Query("SELECT DISTINCT Description FROM kaggle_form").Columns[0].Cast<string>());
        Assert.Contains("POSTAGE £1 TIN", db.Query("SELECT DISTINCT Description FROM kaggle_form").Columns[0].Cast<string>());

        DataFrame Rfm(string table)
        {
            db.Execute($"DROP TABLE IF EXISTS online_retail; CREATE TABLE online_retail AS SELECT * FROM {table}");
            var engine = db;
            return RfmPipeline.ForOnlineRetail(engine).RunAll().Table;
        }
        var kaggleRfm = Rfm("kaggle_form");
        Assert.True(kaggleRfm.Rows.Count > 100);
        Assert.Equal(Rows(kaggleRfm), Rows(Rfm("iso_form")));
    }

    private static List<string> Rows(DataFrame frame) =>
        frame.Rows.Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();
}

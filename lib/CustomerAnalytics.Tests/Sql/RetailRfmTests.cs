using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Sql;

public class RetailRfmTests
{
    private static readonly string RetailFile = Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv");

    [Fact]
    public void EachCleaningStepReportsTheRowsItRemoved()
    {
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOnlineRetail(db, RetailFile);
        var engine = db;
        var result = RfmPipeline.ForOnlineRetail(engine).RunAll();

        // The same three rules, counted in C# straight from the loaded table.
        var lines = db.Query("SELECT InvoiceNo, Quantity, UnitPrice, CustomerID FROM online_retail").Rows
            .Select(r => (Invoice: (string)r[0], Quantity: Convert.ToInt32(r[1], CultureInfo.InvariantCulture),
                          Price: Convert.ToDecimal(r[2], CultureInfo.InvariantCulture), Customer: r[3]))
            .ToArray();
        var withCustomer = lines.Where(l => l.Customer is not null).ToArray();
        var notCancelled = withCustomer.Where(l => !l.Invoice.StartsWith('C')).ToArray();
        var positive = notCancelled.Where(l => l.Quantity > 0 && l.Price > 0).ToArray();

        var steps = result.Steps.ToDictionary(s => s.Table);
        Assert.Equal(lines.Length - withCustomer.Length, steps["retail_with_customer"].RowsRemoved);
        Assert.Equal(withCustomer.Length - notCancelled.Length, steps["retail_without_cancellations"].RowsRemoved);
        Assert.Equal(notCancelled.Length - positive.Length, steps["retail_clean"].RowsRemoved);
        Assert.True(steps["retail_with_customer"].RowsRemoved > 0, "the sample should have lines without CustomerID");
        Assert.True(steps["retail_without_cancellations"].RowsRemoved > 0, "the sample should have cancellations");

        Assert.Equal(positive.Select(l => l.Customer).Distinct().Count(), (int)result.Customers);
        Assert.Equal(["01_with_customer", "02_without_cancellations", "03_positive_lines", "04_orders", "03_rfm", "04_scores", "05_segments"],
            result.Steps.Select(s => s.Script.Name));
    }

    [Fact]
    public void ScoresAndSegmentsFollowTheSameRulesAsOlist()
    {
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOnlineRetail(db, RetailFile);
        var engine = db;
        var table = RfmPipeline.ForOnlineRetail(engine).RunAll().Table;

        Assert.Equal(RfmReference.Score(RfmTables.Values(table)), RfmTables.Scores(table));
        // On Online Retail far fewer customers buy only once than on Olist, so F separates many of them.
        var f = RfmTables.Ints(table, "f_score");
        Assert.Equal([1, 2, 3, 4, 5], f.Distinct().Order());
        Assert.True(f.Count(x => x == 1) < table.Rows.Count / 2, "most Online Retail customers bought more than once");
    }
}

using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Sql;

public class RetailRfmTests
{
    private static readonly string RetailFile = Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv");

    [Fact]
    public void EveryLineFallsUnderExactlyOneSpendRule()
    {
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOnlineRetail(db, RetailFile);
        var result = RfmPipeline.ForOnlineRetail(db).RunAll();

        Assert.Equal(["01_lines", "02_orders", "03_returns", "04_net_spend", "05_spend_rules", "06_rfm", "04_scores", "05_segments"],
            result.Steps.Select(s => s.Script.Name));
        // The rules table accounts for every line before the as-of date and all of its money, once.
        var lines = db.Query("SELECT Quantity, UnitPrice FROM online_retail").Rows
            .Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture) * Convert.ToDecimal(r[1], CultureInfo.InvariantCulture)).ToArray();
        var rules = db.Query("SELECT lines, money FROM retail_spend_rules").Rows
            .Select(r => (Lines: Convert.ToInt64(r[0], CultureInfo.InvariantCulture), Money: Convert.ToDecimal(r[1], CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(lines.Length, rules.Sum(r => r.Lines));
        Assert.Equal(lines.Sum(), rules.Sum(r => r.Money));
        // Customers whose net spend is zero or less are counted, not scored.
        var notScored = db.Scalar<long>("SELECT COUNT(*) FROM retail_net_spend WHERE net_spend <= 0");
        Assert.True(notScored > 0, "the sample should have customers whose returns cancel their purchases");
        Assert.Equal(db.Count("retail_net_spend") - notScored, result.Customers);
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

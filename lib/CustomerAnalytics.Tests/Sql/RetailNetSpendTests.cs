using System.Globalization;
using System.Text;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;
using CustomerAnalytics.Tests.Fixtures.RealFormats;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>
/// Workshop 01's Online Retail spend net of returns agrees, customer by customer, with <see cref="RetailNetSpendReference"/>
/// (plain C# over the CSV): on the sample, on a Kaggle-format file from another seed, and on a small hand-made file
/// in the published format with every case the rules name.
/// </summary>
public sealed class RetailNetSpendTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("retail-net-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // The real file's layout (Kaggle's data.csv): a purchase and its partial return; a return with no CustomerID; a
    // return by a customer with no purchase; postage, carriage, manual, discount, bank charges, a fee and a bad-debt
    // adjustment ("A" invoice); a lower-case "m"; a zero-price line; a customer whose only invoice comes back whole.
    private const string HandMade = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
        536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
        536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom
        536370,22728,ALARM CLOCK BAKELIKE PINK,24,12/1/2010 8:45,3.75,12583,France
        536370,POST,POSTAGE,3,12/1/2010 8:45,18,12583,France
        536371,C2,CARRIAGE,1,12/1/2010 9:00,50,12583,France
        C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom
        536380,22961,JAM MAKING SET PRINTED,24,12/1/2010 9:41,1.45,14527,United Kingdom
        C536383,35004C,"SET OF 3 COLOURED  FLYING DUCKS",-1,12/1/2010 9:49,4.65,15311,United Kingdom
        536384,82484,"WOOD BLACK BOARD ANT WHITE FINISH",3,12/1/2010 9:53,6.45,15311,United Kingdom
        C536391,21983,PACK OF 12 BLUE PAISLEY TISSUES ,-24,12/1/2010 10:24,0.29,17548,United Kingdom
        C536392,71053,WHITE METAL LANTERN,-2,12/1/2010 10:30,3.39,17850,United Kingdom
        C536393,POST,POSTAGE,-1,12/1/2010 10:31,18,12583,France
        536401,M,Manual,1,12/1/2010 11:21,2.55,15862,United Kingdom
        536402,m,Manual,1,12/1/2010 11:22,0.85,15862,United Kingdom
        536403,22086,PAPER CHAIN KIT 50'S CHRISTMAS ,12,12/1/2010 11:27,2.95,15862,United Kingdom
        536404,BANK CHARGES,Bank Charges,1,12/1/2010 11:30,15,15862,United Kingdom
        536414,22139,,56,12/1/2010 11:52,0,,United Kingdom
        536544,DOT,DOTCOM POSTAGE,1,12/1/2010 14:32,569.77,,United Kingdom
        536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,12/1/2010 14:32,2.51,,United Kingdom
        C536548,22168,ORGANISER WOOD ANTIQUE WHITE,-2,12/1/2010 14:33,8.5,,Germany
        C536549,AMAZONFEE,AMAZON FEE,-1,12/1/2010 14:34,1867.86,,United Kingdom
        A563185,B,Adjust bad debt,1,8/12/2011 14:50,11062.06,,United Kingdom
        A563186,B,Adjust bad debt,1,8/12/2011 14:51,-11062.06,,United Kingdom
        537000,22423,REGENCY CAKESTAND 3 TIER,2,12/3/2010 10:00,12.75,16000,United Kingdom
        C537001,22423,REGENCY CAKESTAND 3 TIER,-2,12/5/2010 10:00,12.75,16000,United Kingdom
        538000,22197,SMALL POPCORN HOLDER,100,12/9/2010 10:00,0.72,14911,EIRE
        C538001,22197,SMALL POPCORN HOLDER,-150,12/10/2010 10:00,0.72,14911,EIRE
        581587,22613,PACK OF 20 SPACEBOY NAPKINS,12,12/9/2011 12:50,0.85,12680,France
        """;

    [Fact]
    public void TheSampleAgreesCustomerByCustomer()
    {
        var (db, result) = Run(Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv"));
        using (db) Agree(db, result, Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv"), Encoding.UTF8, expectAllRules: true);
    }

    [Fact]
    public void AKaggleFormatFileAgreesCustomerByCustomer()
    {
        var path = OlistAndRetailFiles.Write(folder).Single(p => p.StartsWith("retailSource=", StringComparison.Ordinal))["retailSource=".Length..];
        var (db, result) = Run(path);
        using (db) Agree(db, result, path, Encoding.Latin1, expectAllRules: false);
    }

    [Fact]
    public void AHandMadeFileInThePublishedFormatAgreesAndEachRuleDoesWhatItSays()
    {
        var path = Path.Combine(folder, "data.csv");
        File.WriteAllText(path, HandMade.Replace("\r\n", "\n") + "\n", Encoding.Latin1);
        var (db, result) = Run(path);
        using (db)
        {
            Agree(db, result, path, Encoding.Latin1, expectAllRules: false);
            var net = RfmTables.Values(result.Table).ToDictionary(v => v.Customer, v => v.MonetaryTotal);
            Assert.Equal(15.30m + 20.34m + 11.10m - 6.78m, net["17850"]); // two invoices, one lantern line partly returned
            Assert.Equal(90.00m, net["12583"]);                            // postage, its return and carriage left out
            Assert.Equal(34.80m, net["14527"]);                            // a discount line is not a return of goods
            Assert.Equal(19.35m - 4.65m, net["15311"]);                    // matched though returned before the purchase
            Assert.Equal(35.40m, net["15862"]);                            // manual (also "m") and bank charges left out
            Assert.Equal(10.20m, net["12680"]);
            Assert.Equal(6, net.Count);                                    // 16000 (net 0), 14911 (net -36) and 17548 (no purchase) are not scored
            Assert.Equal(2, RfmTables.Values(result.Table).Single(v => v.Customer == "17850").Frequency);
            var rules = Rules(db);
            Assert.Equal((1, -6.96m), rules["cancellation by a customer with no purchase"]);
            Assert.Equal((1, -17.00m), rules["cancellation without CustomerID"]);
            Assert.Equal((2, 0m), rules["non-product line B"]);
            Assert.Equal((2, 3.40m), rules["non-product line M"]);
            Assert.Equal((2, 97.50m), rules["purchase of a customer with net spend <= 0"]);
            Assert.Equal((2, -133.50m), rules["cancellation of a customer with net spend <= 0"]);
            Assert.Equal((1, 0m), rules["adjustment: quantity or price not positive"]);
            Assert.Equal((1, 2.51m), rules["purchase without CustomerID"]);
        }
    }

    private static (WorkshopDatabase Db, RfmResult Result) Run(string path)
    {
        var db = new WorkshopDatabase();
        DatasetLoader.LoadOnlineRetail(db, path, LoadOptions.Strict);
        return (db, RfmPipeline.ForOnlineRetail(db).RunAll());
    }

    private static Dictionary<string, (int Lines, decimal Money)> Rules(WorkshopDatabase db) =>
        db.Query("SELECT rule_name, lines, money FROM retail_spend_rules").Rows
            .ToDictionary(r => (string)r[0], r => (Convert.ToInt32(r[1], CultureInfo.InvariantCulture), Convert.ToDecimal(r[2], CultureInfo.InvariantCulture)));

    private static void Agree(WorkshopDatabase db, RfmResult result, string path, Encoding encoding, bool expectAllRules)
    {
        var reference = new RetailNetSpendReference(path, NonProductStockCode.Codes, result.AsOfDate, encoding);

        var scored = RfmTables.Values(result.Table).ToDictionary(v => v.Customer);
        var expected = reference.Customers.Values.Where(c => c.Net > 0).ToDictionary(c => c.Id);
        Assert.Equal(expected.Keys.Order(), scored.Keys.Order());
        foreach (var (id, c) in expected)
        {
            Assert.Equal(c.Net, scored[id].MonetaryTotal);
            Assert.Equal(c.Frequency, scored[id].Frequency);
        }

        var notScored = db.Query("SELECT customer_unique_id, net_spend FROM retail_net_spend WHERE net_spend <= 0").Rows
            .ToDictionary(r => (string)r[0], r => Convert.ToDecimal(r[1], CultureInfo.InvariantCulture));
        Assert.Equal(reference.Customers.Values.Where(c => c.Net <= 0).ToDictionary(c => c.Id, c => c.Net), notScored);

        Assert.Equal(reference.Rules.OrderBy(r => r.Key, StringComparer.Ordinal), Rules(db).OrderBy(r => r.Key, StringComparer.Ordinal));
        if (expectAllRules)
            foreach (var rule in new[] { "cancellation of a customer", "cancellation without CustomerID", "cancellation by a customer with no purchase",
                                         "purchase of a customer with net spend <= 0", "non-product line POST", "non-product line DOT", "non-product line M" })
                Assert.True(reference.Rules.ContainsKey(rule), $"the sample should exercise the rule '{rule}'");
    }
}

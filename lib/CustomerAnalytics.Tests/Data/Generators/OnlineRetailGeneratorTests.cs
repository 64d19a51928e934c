using System.Globalization;
using System.Text.RegularExpressions;
using CustomerAnalytics.SampleData;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Data.Generators;

public sealed class OnlineRetailSampleFixture : IDisposable
{
    public TempFolder Folder { get; } = new();
    public OnlineRetailResult Result { get; }
    public List<string[]> Rows { get; }

    public OnlineRetailSampleFixture()
    {
        Result = new OnlineRetailGenerator().Write(Folder.Sub("online-retail"), Folder.Sub("truth"));
        Rows = GeneratedCsv.Rows(Result.Path);
    }

    public void Dispose() => Folder.Dispose();
}

public class OnlineRetailGeneratorTests(OnlineRetailSampleFixture sample) : IClassFixture<OnlineRetailSampleFixture>
{
    private static DateTime Date(string s) => DateTime.ParseExact(s, "M/d/yyyy H:mm", CultureInfo.InvariantCulture);

    [Fact]
    public void HeaderAndFieldFormatsMatchTheCommonCsvExport()
    {
        Assert.Equal("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
            GeneratedCsv.Lines(sample.Result.Path)[0]);
        Assert.Equal(sample.Result.Lines, sample.Rows.Count);
        Assert.All(sample.Rows, r =>
        {
            Assert.Matches(@"^C?\d{6}$", r[0]);
            // A product code, or one of the non-product codes of the real file (with its mixed-case description).
            Assert.True(Regex.IsMatch(r[1], @"^\d{5}[A-Z]?$") || NonProduct(r[1]), r[1]);
            if (!NonProduct(r[1])) Assert.Equal(r[2].ToUpperInvariant(), r[2]);
            Assert.Matches(@"^-?\d+$", r[3]);
            Assert.Matches(@"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}$", r[4]);
            Assert.Matches(@"^\d+(\.\d{1,2})?$", r[5]);
            Assert.Matches(@"^(\d{5,6})?$", r[6]);
        });
        Assert.Contains(sample.Rows, r => r[2].Contains(','));          // quoted descriptions exist
        Assert.Equal("536365", sample.Rows[0][0]);
        Assert.Equal(NonProductStockCode.Codes.Where(c => c != "B").Order(), sample.Rows.Select(r => r[1]).Where(NonProduct).Distinct().Order());
    }

    private static bool NonProduct(string stockCode) => NonProductStockCode.Codes.Contains(stockCode);

    [Fact]
    public void InvoicesHaveSeveralLinesAndNumbersRiseWithTime()
    {
        var invoices = sample.Rows.GroupBy(r => r[0]).ToList();
        Assert.Equal(sample.Result.Invoices, invoices.Count);
        Assert.True(invoices.Average(g => g.Count()) > 4);
        Assert.All(invoices, g => Assert.Single(g.Select(r => (r[4], r[6], r[7])).Distinct()));
        var ordered = invoices.Select(g => (Number: int.Parse(g.Key.TrimStart('C'), CultureInfo.InvariantCulture), Time: Date(g.First()[4]))).ToList();
        Assert.Equal(ordered.Select(o => o.Number).Order(), ordered.Select(o => o.Number));
        for (int i = 1; i < ordered.Count; i++) Assert.True(ordered[i].Time >= ordered[i - 1].Time);
    }

    [Fact]
    public void CancellationsAreCInvoicesWithNegativeQuantitiesOfEarlierPurchases()
    {
        var cancels = sample.Rows.Where(r => r[0].StartsWith('C')).ToList();
        Assert.NotEmpty(cancels);
        Assert.All(cancels, r => Assert.True(int.Parse(r[3], CultureInfo.InvariantCulture) < 0));
        Assert.All(sample.Rows.Where(r => !r[0].StartsWith('C')), r => Assert.True(int.Parse(r[3], CultureInfo.InvariantCulture) > 0));
        Assert.InRange(cancels.Count / (double)sample.Rows.Count, 0.005, 0.05);
        // Product returns by a customer return an earlier purchase of theirs, except a few returns of goods bought before
        // the data starts (4 by customers with no purchase in it, 6 by customers with one); some returns have no customer.
        var unmatched = cancels.Where(c => c[6] != "" && !NonProduct(c[1]) && !sample.Rows.Any(r => !r[0].StartsWith('C') && r[6] == c[6] && r[1] == c[1]
            && Date(r[4]) <= Date(c[4]) && int.Parse(r[3], CultureInfo.InvariantCulture) >= -int.Parse(c[3], CultureInfo.InvariantCulture))).ToList();
        Assert.InRange(unmatched.Count, 4, 10);
        Assert.Contains(cancels, c => c[6] == "" && !NonProduct(c[1]));
    }

    [Fact]
    public void AboutAQuarterOfLinesHaveNoCustomerAndTheShopIsBritish()
    {
        double missing = sample.Rows.Count(r => r[6] == "") / (double)sample.Rows.Count;
        Assert.Equal(0.25, missing, 0.02);
        Assert.Equal(sample.Result.LinesWithoutCustomer, sample.Rows.Count(r => r[6] == ""));
        Assert.InRange(sample.Rows.Count(r => r[7] == "United Kingdom") / (double)sample.Rows.Count, 0.8, 0.95);
        Assert.Contains(sample.Rows, r => r[7] == "EIRE");
        Assert.All(sample.Rows.Where(r => r[1] == "POST"), r => Assert.NotEqual("United Kingdom", r[7]));
    }

    [Fact]
    public void TradingHappensInShopHoursAndNeverOnSaturday()
    {
        var dates = sample.Rows.Select(r => Date(r[4])).ToList();
        Assert.DoesNotContain(dates, d => d.DayOfWeek == DayOfWeek.Saturday);
        Assert.All(dates, d => Assert.InRange(d.Hour, 7, 20));
        Assert.InRange(dates.Min(), new DateTime(2010, 12, 1), new DateTime(2010, 12, 3));
        Assert.InRange(dates.Max(), new DateTime(2011, 12, 1), new DateTime(2011, 12, 10));
    }

    [Fact]
    public void TruthCoversEveryCustomerAndRepeatShareMatchesTheModel()
    {
        var truth = GeneratedCsv.Rows(sample.Result.SegmentsPath);
        Assert.Equal("CustomerID,segment", GeneratedCsv.Lines(sample.Result.SegmentsPath)[0]);
        // Every customer with a purchase has a true segment; the 4 who only return goods bought before the data have none.
        var ids = sample.Rows.Where(r => r[6] != "" && !r[0].StartsWith('C')).Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        Assert.Equal(ids, truth.Select(t => int.Parse(t[0], CultureInfo.InvariantCulture)).Order());
        Assert.Equal(4, sample.Rows.Where(r => r[6] != "").Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)).Distinct().Except(ids).Count());
        Assert.All(ids, id => Assert.InRange(id, 12346, 18287));
        Assert.True(ids.Count > 400);

        var purchases = sample.Rows.Where(r => r[6] != "" && !r[0].StartsWith('C')).GroupBy(r => r[6]).Select(g => g.Select(r => r[0]).Distinct().Count()).ToList();
        double repeat = purchases.Count(n => n > 1) / (double)purchases.Count;
        Assert.Equal(sample.Result.ExpectedRepeatShare, repeat, 0.07); // ~530 customers: standard error ~0.02
    }

    [Fact]
    public void FrequentBigSpendersSpendMoreAndMoreRecentlyThanDormantLowSpenders()
    {
        var end = new DateTime(2011, 12, 9);
        var stats = sample.Rows.Where(r => r[6] != "" && sample.Result.SegmentByCustomerId.ContainsKey(int.Parse(r[6], CultureInfo.InvariantCulture))).GroupBy(r => int.Parse(r[6], CultureInfo.InvariantCulture)).Select(g => (
            Segment: sample.Result.SegmentByCustomerId[g.Key],
            Monetary: g.Sum(r => int.Parse(r[3], CultureInfo.InvariantCulture) * decimal.Parse(r[5], CultureInfo.InvariantCulture)),
            Recency: (end - g.Max(r => Date(r[4]))).TotalDays)).ToList();
        decimal MeanMonetary(CustomerSegment s) => stats.Where(x => x.Segment == s).Average(x => x.Monetary);
        double MeanRecency(CustomerSegment s) => stats.Where(x => x.Segment == s).Average(x => x.Recency);
        Assert.True(MeanMonetary(CustomerSegment.FrequentBigSpenders) > 3 * MeanMonetary(CustomerSegment.DormantLowSpenders));
        Assert.True(MeanRecency(CustomerSegment.FrequentBigSpenders) < MeanRecency(CustomerSegment.LapsedRepeaters));
        Assert.True(MeanRecency(CustomerSegment.RecentNewcomers) < MeanRecency(CustomerSegment.DormantLowSpenders));
    }

    [Fact]
    public void ResultRendersItsFilesAndSegmentsAsHtml()
    {
        var html = sample.Result.ToHtml();
        Assert.Contains(OnlineRetailGenerator.FileName, html);
        Assert.Contains("DormantLowSpenders", html);
    }

    [Fact]
    public void SameSeedGivesIdenticalBytesAndAnotherSeedDoesNot()
    {
        using var folder = new TempFolder();
        var options = new OnlineRetailOptions { Lines = 1500 };
        new OnlineRetailGenerator(options).Write(folder.Sub("a"));
        GeneratedCsv.WithCulture("de-DE", () => new OnlineRetailGenerator(options).Write(folder.Sub("b")));
        new OnlineRetailGenerator(options with { Seed = 1 }).Write(folder.Sub("c"));
        GeneratedCsv.AssertSameFiles(folder.Sub("a"), folder.Sub("b"));
        Assert.True(GeneratedCsv.AnyFileDiffers(folder.Sub("a"), folder.Sub("c")));
    }
}

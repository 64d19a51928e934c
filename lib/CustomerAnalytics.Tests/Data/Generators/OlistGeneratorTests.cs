using System.Globalization;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Data.Generators;

public sealed class OlistSampleFixture : IDisposable
{
    public TempFolder Folder { get; } = new();
    public OlistResult Result { get; }
    public OlistSampleFixture() => Result = new OlistGenerator().Write(Folder.Sub("olist"), Folder.Sub("truth"));
    public void Dispose() => Folder.Dispose();
}

public class OlistGeneratorTests(OlistSampleFixture sample) : IClassFixture<OlistSampleFixture>
{
    private const string Timestamp = "yyyy-MM-dd HH:mm:ss";

    [Fact]
    public void HeadersAreTheRealFilesQuotedHeaders()
    {
        Assert.Equal("\"customer_id\",\"customer_unique_id\",\"customer_zip_code_prefix\",\"customer_city\",\"customer_state\"",
            GeneratedCsv.Lines(sample.Result.CustomersPath)[0]);
        Assert.Equal("\"order_id\",\"customer_id\",\"order_status\",\"order_purchase_timestamp\",\"order_approved_at\",\"order_delivered_carrier_date\",\"order_delivered_customer_date\",\"order_estimated_delivery_date\"",
            GeneratedCsv.Lines(sample.Result.OrdersPath)[0]);
        Assert.Equal("\"order_id\",\"payment_sequential\",\"payment_type\",\"payment_installments\",\"payment_value\"",
            GeneratedCsv.Lines(sample.Result.PaymentsPath)[0]);
        Assert.Equal("customer_unique_id,segment", GeneratedCsv.Lines(sample.Result.SegmentsPath)[0]);
    }

    [Fact]
    public void CustomersQuoteIdsAndZipButNotCityOrState()
    {
        var line = GeneratedCsv.Lines(sample.Result.CustomersPath)[1];
        Assert.Matches("^\"[0-9a-f]{32}\",\"[0-9a-f]{32}\",\"[0-9]{5}\",[a-z -]+,[A-Z]{2}$", line);
        var rows = GeneratedCsv.Rows(sample.Result.CustomersPath);
        Assert.Contains(rows, r => r[2].StartsWith('0')); // leading zeros of Sao Paulo prefixes are kept
        Assert.InRange(rows.Count(r => r[4] == "SP") / (double)rows.Count, 0.36, 0.48);
    }

    [Fact]
    public void EveryOrderHasItsOwnCustomerIdAndRepeatBuyersShareAUniqueId()
    {
        var customers = GeneratedCsv.Rows(sample.Result.CustomersPath);
        var orders = GeneratedCsv.Rows(sample.Result.OrdersPath);
        Assert.Equal(5500, orders.Count);
        Assert.Equal(orders.Count, customers.Count);
        Assert.Equal(orders.Count, orders.Select(o => o[0]).Distinct().Count());
        Assert.Equal(customers.Select(c => c[0]).Order(), orders.Select(o => o[1]).Order());
        Assert.All(orders, o => Assert.Matches("^[0-9a-f]{32}$", o[0]));

        // One address per unique customer, and the truth file covers exactly the unique customers.
        var byUnique = customers.GroupBy(c => c[1]).ToList();
        Assert.All(byUnique, g => Assert.Single(g.Select(c => (c[2], c[3], c[4])).Distinct()));
        Assert.Equal(sample.Result.UniqueCustomers, byUnique.Count);
        var truth = GeneratedCsv.Rows(sample.Result.SegmentsPath);
        Assert.Equal(byUnique.Select(g => g.Key).Order(), truth.Select(t => t[0]).Order());
        Assert.All(truth, t => Assert.True(Enum.TryParse<CustomerSegment>(t[1], out _)));
    }

    [Fact]
    public void RepeatCustomerShareMatchesTheSegmentModel()
    {
        var counts = GeneratedCsv.Rows(sample.Result.CustomersPath).GroupBy(c => c[1]).Select(g => g.Count()).ToList();
        double repeatShare = counts.Count(c => c > 1) / (double)counts.Count;
        // Binomial standard error at n ~ 4,000 is ~0.007.
        Assert.Equal(sample.Result.ExpectedRepeatShare, repeatShare, 0.03);
        Assert.True(counts.Count(c => c == 1) > counts.Count / 2, "most customers buy once");
        Assert.True(counts.Max() >= 6, "a few customers buy many times");
    }

    [Fact]
    public void SegmentsBehaveAsTheirNamesSay()
    {
        var orders = GeneratedCsv.Rows(sample.Result.OrdersPath).ToDictionary(o => o[1], o => DateTime.ParseExact(o[3], Timestamp, CultureInfo.InvariantCulture));
        var customers = GeneratedCsv.Rows(sample.Result.CustomersPath);
        var end = new OlistOptions().End;
        var stats = customers.GroupBy(c => c[1]).Select(g => (
            Segment: sample.Result.SegmentByCustomerUniqueId[g.Key],
            Orders: g.Count(),
            RecencyDays: (end - g.Max(c => orders[c[0]])).TotalDays)).ToList();
        double MeanRecency(CustomerSegment s) => stats.Where(x => x.Segment == s).Average(x => x.RecencyDays);
        double MeanOrders(CustomerSegment s) => stats.Where(x => x.Segment == s).Average(x => x.Orders);
        Assert.True(MeanRecency(CustomerSegment.FrequentBigSpenders) < 61);
        Assert.True(MeanRecency(CustomerSegment.LapsedRepeaters) > 199);
        Assert.True(MeanOrders(CustomerSegment.FrequentBigSpenders) > MeanOrders(CustomerSegment.SteadyRepeaters));
        Assert.True(MeanOrders(CustomerSegment.SteadyRepeaters) > MeanOrders(CustomerSegment.RecentNewcomers));
        Assert.Equal(1.0, MeanOrders(CustomerSegment.DormantLowSpenders));
    }

    [Fact]
    public void StatusesAndMissingDatesFollowTheRealFile()
    {
        var orders = GeneratedCsv.Rows(sample.Result.OrdersPath);
        var statuses = new[] { "delivered", "shipped", "canceled", "unavailable", "invoiced", "processing", "created", "approved" };
        Assert.All(orders, o => Assert.Contains(o[2], statuses));
        Assert.Equal(0.97, orders.Count(o => o[2] == "delivered") / (double)orders.Count, 0.01);

        DateTime? Parse(string s) => s == "" ? null : DateTime.ParseExact(s, Timestamp, CultureInfo.InvariantCulture);
        foreach (var o in orders)
        {
            var (purchase, approved, carrier, delivered, estimated) = (Parse(o[3])!.Value, Parse(o[4]), Parse(o[5]), Parse(o[6]), Parse(o[7])!.Value);
            Assert.Equal(TimeSpan.Zero, estimated.TimeOfDay);
            Assert.True(estimated > purchase);
            Assert.Equal(o[2] == "delivered", delivered is not null);
            if (o[2] is "delivered" or "shipped") Assert.NotNull(carrier);
            if (o[2] is "unavailable" or "invoiced" or "processing") Assert.Null(carrier);
            if (approved is not null) Assert.True(approved >= purchase);
            if (carrier is not null) { Assert.True(carrier >= approved); Assert.Equal(0, carrier.Value.Second); }
            if (delivered is not null) Assert.True(delivered >= carrier);
            Assert.InRange(purchase, new DateTime(2016, 9, 4), new DateTime(2018, 10, 18));
        }
    }

    [Fact]
    public void PaymentsSumToEachOrderTotalWithContiguousSequentials()
    {
        var payments = GeneratedCsv.Rows(sample.Result.PaymentsPath);
        Assert.All(payments, p => Assert.Matches(@"^\d+\.\d\d$", p[4]));
        Assert.All(payments, p => Assert.Contains(p[2], new[] { "credit_card", "boleto", "voucher", "debit_card" }));
        var byOrder = payments.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(sample.Result.OrderTotalByOrderId.Keys.Order(), byOrder.Keys.Order());
        foreach (var (orderId, rows) in byOrder)
        {
            Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).Order());
            Assert.Equal(sample.Result.OrderTotalByOrderId[orderId], rows.Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture)));
            Assert.All(rows, r => Assert.True(decimal.Parse(r[4], CultureInfo.InvariantCulture) > 0));
            if (rows.Count > 1) Assert.Contains(rows, r => r[2] == "voucher");
        }
        Assert.Contains(byOrder.Values, rows => rows.Count >= 3);
        Assert.Equal(0.74, byOrder.Values.Count(r => r.Any(p => p[2] == "credit_card") && r.All(p => p[2] != "voucher")) / (double)byOrder.Count, 0.03);
        Assert.All(payments.Where(p => p[2] != "credit_card"), p => Assert.Equal("1", p[3]));
    }

    [Fact]
    public void OrderValuesAreSkewed()
    {
        var totals = sample.Result.OrderTotalByOrderId.Values.Select(v => (double)v).Order().ToArray();
        double median = totals[totals.Length / 2], mean = totals.Average();
        Assert.InRange(median, 70, 160);
        Assert.True(mean > median * 1.1, "log-normal values: mean above median");
    }

    [Fact]
    public void ResultRendersItsFilesAndSegmentsAsHtml()
    {
        var html = sample.Result.ToHtml();
        Assert.Contains(OlistGenerator.OrdersFileName, html);
        Assert.Contains("FrequentBigSpenders", html);
        Assert.Equal(4, sample.Result.Files.Count);
        Assert.All(sample.Result.Files, f => Assert.True(f.Bytes > 0));
    }

    [Fact]
    public void SameSeedGivesIdenticalBytesAndAnotherSeedDoesNot()
    {
        using var folder = new TempFolder();
        var options = new OlistOptions { Orders = 500 };
        new OlistGenerator(options).Write(folder.Sub("a"));
        new OlistGenerator(options).Write(folder.Sub("b"));
        new OlistGenerator(options with { Seed = options.Seed + 1 }).Write(folder.Sub("c"));
        GeneratedCsv.AssertSameFiles(folder.Sub("a"), folder.Sub("b"));
        Assert.True(GeneratedCsv.AnyFileDiffers(folder.Sub("a"), folder.Sub("c")));
    }

    [Fact]
    public void OutputDoesNotDependOnTheCurrentCulture()
    {
        using var folder = new TempFolder();
        var options = new OlistOptions { Orders = 300 };
        GeneratedCsv.WithCulture("de-DE", () => new OlistGenerator(options).Write(folder.Sub("de")));
        GeneratedCsv.WithCulture("ar-SA", () => new OlistGenerator(options).Write(folder.Sub("ar")));
        new OlistGenerator(options).Write(folder.Sub("invariant"));
        GeneratedCsv.AssertSameFiles(folder.Sub("invariant"), folder.Sub("de"));
        GeneratedCsv.AssertSameFiles(folder.Sub("invariant"), folder.Sub("ar"));
    }
}

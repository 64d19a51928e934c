namespace CustomerAnalytics.SampleData;

/// <summary>
/// Writes a sample in the schema of the UCI "Online Retail" dataset (a UK gift-ware wholesaler, Dec 2010 - Dec 2011),
/// as its common CSV export: <c>InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country</c>,
/// dates like <c>12/1/2010 8:26</c> (M/d/yyyy H:mm), CustomerID an integer such as <c>17850</c> (empty when unknown).
/// Customers come from an explicit segment model; their true segments go to a separate truth file.
/// </summary>
/// <remarks>
/// Like the real file: several lines per invoice; invoice numbers rise with time from 536365; cancellations are
/// invoices numbered "C" + number with negative quantities, mostly by the same customer, days after the purchase;
/// about a quarter of the lines belong to invoices without a CustomerID; no trading on Saturdays; most
/// customers are in the United Kingdom, and overseas invoices carry a POSTAGE line. Product descriptions are upper
/// case and a few contain a comma (so those fields are quoted). In small numbers, as in the real file: the other
/// non-product lines (DOT, C2, M, D, S, CRUK, AMAZONFEE, BANK CHARGES, with the real file's descriptions),
/// cancellations without a customer, returns of goods bought before the data starts (by 4 customers who bought
/// nothing in it, who have no true segment, and by 6 who did), and up to 2 customers whose only invoice comes back whole.
/// </remarks>
public sealed class OnlineRetailGenerator(OnlineRetailOptions? options = null)
{
    /// <summary>File name used for the transactions (the UCI original is "Online Retail.xlsx").</summary>
    public const string FileName = "online_retail.csv";
    /// <summary>Truth file name: CustomerID,segment.</summary>
    public const string SegmentsFileName = "online_retail_customer_segments.csv";

    /// <summary>Columns, in order, of the real file.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    /// <summary>The first invoice number of the real file.</summary>
    public const int FirstInvoiceNumber = 536365;

    /// <summary>Format of InvoiceDate (invariant culture).</summary>
    public const string InvoiceDateFormat = "M/d/yyyy H:mm";

    /// <summary>The default segment model (GBP per invoice, days over a 373-day period).</summary>
    public static readonly IReadOnlyList<SegmentProfile> DefaultSegments =
    [
        new(CustomerSegment.FrequentBigSpenders, 0.06, 12.0, 0, 20, 360, 180, 0.6),
        new(CustomerSegment.SteadyRepeaters, 0.14, 5.0, 0, 60, 330, 140, 0.6),
        new(CustomerSegment.RecentNewcomers, 0.20, 0.6, 0, 45, 45, 100, 0.7),
        new(CustomerSegment.LapsedRepeaters, 0.20, 2.5, 90, 250, 200, 120, 0.7),
        new(CustomerSegment.DormantLowSpenders, 0.40, 0.2, 120, 372, 60, 90, 0.7),
    ];

    // Customer countries and their shares of customers (the real file's names, "EIRE" and "USA" included).
    private static readonly (string Country, double Share, bool Europe)[] Countries =
    [
        ("United Kingdom", 0.82, true), ("Germany", 0.035, true), ("France", 0.03, true), ("Spain", 0.01, true),
        ("EIRE", 0.008, true), ("Belgium", 0.008, true), ("Switzerland", 0.007, true), ("Portugal", 0.007, true),
        ("Netherlands", 0.005, true), ("Norway", 0.004, true), ("Italy", 0.004, true), ("Finland", 0.003, true),
        ("Channel Islands", 0.003, true), ("Australia", 0.003, false), ("Sweden", 0.002, true), ("Austria", 0.002, true),
        ("Denmark", 0.002, true), ("Japan", 0.002, false), ("Cyprus", 0.002, true), ("Poland", 0.002, true),
        ("USA", 0.001, false), ("Israel", 0.001, false), ("Singapore", 0.001, false), ("Canada", 0.001, false),
    ];

    // Invoices per hour from 7:00 to 20:00.
    private static readonly double[] HourWeights = [0.1, 2, 6, 12, 13, 15, 13, 12, 11, 6, 3, 0.7, 0.8, 0.2];

    /// <summary>The settings in use.</summary>
    public OnlineRetailOptions Options { get; } = options ?? new OnlineRetailOptions();

    /// <summary>Writes the transactions file to <paramref name="folder"/> and the truth file to
    /// <paramref name="truthFolder"/> (default: <c>folder/truth</c>).</summary>
    public OnlineRetailResult Write(string folder, string? truthFolder = null)
    {
        truthFolder ??= Path.Combine(folder, "truth");
        var random = SeededRandom.ForStream(Options.Seed, 1);
        var catalog = new RetailCatalog(SeededRandom.ForStream(Options.Seed, 2));
        var behaviour = new SegmentBehaviour(Options.Segments, (Options.End - Options.Start).TotalDays);
        var customerCountryWeights = Countries.Select(c => c.Share).ToArray();
        // Invoices without a customer are almost all British.
        var guestCountryWeights = Countries.Select(c => c.Country == "United Kingdom" ? 30.0 : c.Share).ToArray();

        var invoices = new List<Invoice>();
        var segments = new List<(int CustomerId, CustomerSegment Segment)>();
        var usedIds = new HashSet<int>();
        int idSpan = Math.Max(18288 - 12346, Options.Lines / 10); // real ids are 12346..18287; widen for large sets
        int customerLinesTarget = (int)Math.Round(Options.Lines * (1 - Options.LinesWithoutCustomerShare));
        int lines = 0;

        while (lines < customerLinesTarget)
        {
            var history = behaviour.Next(random);
            if (usedIds.Count > idSpan / 2) idSpan *= 2; // keep drawing fresh ids quick if a model makes many customers
            int customerId;
            do customerId = 12346 + random.NextInt(idSpan); while (!usedIds.Add(customerId));
            var (country, _, europe) = Countries[random.Categorical(customerCountryWeights)];
            segments.Add((customerId, history.Segment));
            for (int i = 0; i < history.Days.Length; i++)
            {
                var purchase = new Invoice(invoices.Count, TradingTime(random, history.Days[i]), customerId, country,
                    BuildLines(random, catalog, history.Values[i], country, europe), Cancellation: false);
                invoices.Add(purchase);
                lines += purchase.Lines.Count;
                if (random.Bernoulli(Options.CancellationRate) && Cancel(random, purchase, invoices.Count) is Invoice cancel)
                {
                    invoices.Add(cancel);
                    lines += cancel.Lines.Count;
                }
            }
        }

        double guestMu = DeterministicMath.Log(300);
        int periodDays = (Options.End - Options.Start).Days;
        while (lines < Options.Lines)
        {
            var (country, _, europe) = Countries[random.Categorical(guestCountryWeights)];
            var guest = new Invoice(invoices.Count, TradingTime(random, random.Uniform(0, periodDays + 1)), null, country,
                BuildLines(random, catalog, random.LogNormal(guestMu, 0.8), country, europe), Cancellation: false);
            invoices.Add(guest);
            lines += guest.Lines.Count;
        }

        // Non-product lines and returns that cannot (or can only just) be matched, from a stream of their own: the
        // purchases above are the same with or without them.
        lines += AddNonProductLinesAndReturns(SeededRandom.ForStream(Options.Seed, 3), catalog, invoices, usedIds, idSpan);

        // Invoice numbers rise with time, cancellations sharing the counter.
        invoices.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Index.CompareTo(b.Index));
        var path = Path.Combine(folder, FileName);
        int linesWithoutCustomer = 0;
        using (var w = new GeneratedFileWriter(path))
        {
            w.Header(Columns);
            for (int i = 0; i < invoices.Count; i++)
            {
                var invoice = invoices[i];
                string number = (invoice.Cancellation ? "C" : "") + (FirstInvoiceNumber + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var (product, quantity) in invoice.Lines)
                {
                    w.Field(number).Field(product.StockCode).Field(product.Description).Field(quantity)
                        .Field(invoice.Time, InvoiceDateFormat).Field(product.UnitPrice, "0.##");
                    if (invoice.CustomerId is int id) w.Field(id); else { w.Empty(); linesWithoutCustomer++; }
                    w.Field(invoice.Country);
                    w.EndRow();
                }
            }
        }

        var segmentsPath = Path.Combine(truthFolder, SegmentsFileName);
        using (var w = new GeneratedFileWriter(segmentsPath))
        {
            w.Header(["CustomerID", "segment"]);
            foreach (var (id, segment) in segments)
            {
                w.Field(id).Field(segment.ToString());
                w.EndRow();
            }
        }

        return new OnlineRetailResult(path, segmentsPath, lines, invoices.Count, invoices.Count(i => i.Cancellation),
            linesWithoutCustomer, segments.ToDictionary(s => s.CustomerId, s => s.Segment),
            SegmentProfile.ExpectedRepeatShare(Options.Segments), Options.Segments);
    }

    /// <summary>
    /// Adds what the real file has besides products and ordinary returns, in small numbers: DOTCOM POSTAGE on web
    /// orders without a customer; Manual, CARRIAGE and Bank Charges lines on customers' invoices; Discount and
    /// Manual lines on their cancellations; cancellations without a customer (some of them AMAZON FEE and SAMPLES);
    /// CRUK Commission cancellations of one customer; returns of goods bought before the data starts, by customers
    /// who bought nothing in it and by customers who did; and customers whose only invoice comes back whole (net
    /// spend zero). Returns the lines added.
    /// </summary>
    private int AddNonProductLinesAndReturns(SeededRandom random, RetailCatalog catalog, List<Invoice> invoices, HashSet<int> usedIds, int idSpan)
    {
        int added = 0;
        int periodDays = (Options.End - Options.Start).Days;
        void Add(Invoice invoice) { invoices.Add(invoice); added += invoice.Lines.Count; }
        void AddLine(Invoice invoice, RetailCatalog.Product product, int quantity, double price)
        {
            invoice.Lines.Add((product with { UnitPrice = Math.Round((decimal)price, 2) }, quantity));
            added++;
        }
        Invoice Returns(int? customer, string country, double day, params (RetailCatalog.Product, int)[] lines) =>
            new(invoices.Count, TradingTime(random, day), customer, country, [.. lines], Cancellation: true);

        foreach (var invoice in invoices.ToArray())
        {
            if (invoice.CustomerId is null)
            {
                if (random.Bernoulli(0.12)) AddLine(invoice, RetailCatalog.DotcomPostage, 1, random.Uniform(5, 60));
                if (random.Bernoulli(0.04) && Cancel(random, invoice, invoices.Count) is Invoice cancel) Add(cancel);
            }
            else if (!invoice.Cancellation)
            {
                if (random.Bernoulli(0.012)) AddLine(invoice, RetailCatalog.Manual, 1, random.Uniform(0.5, 60));
                if (random.Bernoulli(0.01)) AddLine(invoice, RetailCatalog.Carriage, 1, 50);
                if (random.Bernoulli(0.004)) AddLine(invoice, RetailCatalog.BankCharges, 1, 15);
            }
            else
            {
                if (random.Bernoulli(0.15)) AddLine(invoice, RetailCatalog.Discount, -1, random.Uniform(5, 80));
                if (random.Bernoulli(0.08)) AddLine(invoice, RetailCatalog.Manual, -1, random.Uniform(1, 40));
            }
        }

        RetailCatalog.Product Priced(RetailCatalog.Product product, double min, double max) =>
            product with { UnitPrice = Math.Round((decimal)random.Uniform(min, max), 2) };
        for (int i = 0; i < 3; i++)
            Add(Returns(null, "United Kingdom", random.Uniform(0, periodDays), (Priced(RetailCatalog.AmazonFee, 500, 8000), -1)));
        for (int i = 0; i < 2; i++)
            Add(Returns(null, "United Kingdom", random.Uniform(0, periodDays), (Priced(RetailCatalog.Samples, 20, 300), -1)));

        var customers = invoices.Where(v => v.CustomerId is not null).GroupBy(v => v.CustomerId!.Value)
            .OrderBy(g => g.Key).ToArray();
        var british = customers.Where(g => g.First().Country == "United Kingdom").ToArray();
        var cruk = british[random.NextInt(british.Length)].Key;
        for (int i = 0; i < 2; i++)
            Add(Returns(cruk, "United Kingdom", random.Uniform(30, periodDays), (Priced(RetailCatalog.CrukCommission, 300, 1500), -1)));

        // Returns of goods bought before the data starts: by 4 customers who bought nothing in it, and by 6 who did.
        for (int i = 0; i < 4; i++)
        {
            int id;
            do id = 12346 + random.NextInt(idSpan); while (!usedIds.Add(id));
            var product = catalog.Pick(random);
            Add(Returns(id, "United Kingdom", random.Uniform(0, 30), (product, -RetailCatalog.Quantity(random, product.UnitPrice))));
        }
        for (int i = 0; i < 6; i++)
        {
            var customer = british[random.NextInt(british.Length)];
            var product = catalog.Pick(random);
            Add(Returns(customer.Key, "United Kingdom", random.Uniform(0, 30), (product, -RetailCatalog.Quantity(random, product.UnitPrice))));
        }

        // Up to two customers whose only invoice comes back whole, a week later (none already returned anything).
        var single = customers.Where(g => g.Count() == 1 && g.Single().Time < Options.End.AddDays(-10)).ToArray();
        for (int i = 0; i < 2 && single.Length > 0; i++)
        {
            var purchase = single[random.NextInt(single.Length)].Single();
            if (invoices.Any(v => v.Cancellation && v.CustomerId == purchase.CustomerId)) continue;
            var back = purchase.Time.AddDays(7);
            if (back.DayOfWeek == DayOfWeek.Saturday) back = back.AddDays(1);
            Add(new Invoice(invoices.Count, back, purchase.CustomerId, purchase.Country,
                [.. purchase.Lines.Select(l => (l.Product, -l.Quantity))], Cancellation: true));
        }
        return added;
    }

    /// <summary>A minute within shop hours on the given day of the period; Saturdays move to Sunday
    /// (or Friday at the very end), as the real shop did not trade on Saturdays.</summary>
    private DateTime TradingTime(SeededRandom random, double day)
    {
        int lastDay = (Options.End - Options.Start).Days;
        var date = Options.Start.AddDays(Math.Min(lastDay, (int)Math.Floor(day)));
        if (date.DayOfWeek == DayOfWeek.Saturday) date = date.AddDays(date < Options.End ? 1 : -1);
        return date.AddHours(7 + random.Categorical(HourWeights)).AddMinutes(random.NextInt(60));
    }

    private static List<(RetailCatalog.Product Product, int Quantity)> BuildLines(
        SeededRandom random, RetailCatalog catalog, double targetValue, string country, bool europe)
    {
        var lines = new List<(RetailCatalog.Product, int)>();
        var used = new HashSet<string>();
        decimal value = 0;
        int attempts = 0;
        while ((lines.Count == 0 || value < (decimal)targetValue) && lines.Count < 60 && attempts++ < 500)
        {
            var product = catalog.Pick(random);
            if (!used.Add(product.StockCode)) continue; // one line per product per invoice
            int quantity = RetailCatalog.Quantity(random, product.UnitPrice);
            lines.Add((product, quantity));
            value += product.UnitPrice * quantity;
        }
        if (country != "United Kingdom")
        {
            var postage = europe ? RetailCatalog.Postage : RetailCatalog.Postage with { UnitPrice = 40.00m };
            lines.Add((postage, random.NextInt(1, 4)));
        }
        return lines;
    }

    /// <summary>A "C" invoice, 1 to 14 days later, returning one to three lines of <paramref name="purchase"/>;
    /// null if it would fall after the end of the period.</summary>
    private Invoice? Cancel(SeededRandom random, Invoice purchase, int index)
    {
        var date = purchase.Time.Date.AddDays(random.NextInt(1, 15));
        if (date.DayOfWeek == DayOfWeek.Saturday) date = date.AddDays(1);
        if (date > Options.End) return null;
        var time = date.AddHours(7 + random.Categorical(HourWeights)).AddMinutes(random.NextInt(60));
        int count = Math.Min(purchase.Lines.Count, 1 + random.Binomial(2, 0.3));
        var picked = purchase.Lines.ToArray();
        random.Shuffle(picked);
        var lines = picked.Take(count)
            .Select(l => (l.Product, -(random.Bernoulli(0.8) ? l.Quantity : (l.Quantity + 1) / 2)))
            .ToList();
        return new Invoice(index, time, purchase.CustomerId, purchase.Country, lines, Cancellation: true);
    }

    private sealed record Invoice(
        int Index, DateTime Time, int? CustomerId, string Country,
        List<(RetailCatalog.Product Product, int Quantity)> Lines, bool Cancellation);
}

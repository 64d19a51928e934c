namespace CustomerAnalytics.SampleData;

/// <summary>
/// Writes an Olist-style Brazilian e-commerce sample in the exact schema of the public Olist files
/// (customers, orders, order payments), so the real files can be dropped in instead. Customers come from an
/// explicit segment model (<see cref="OlistOptions.Segments"/>); the true segment of each customer_unique_id
/// goes to a separate truth file.
/// </summary>
/// <remarks>
/// Format details copied from the real files: the header row is quoted; in the customers file the two ids and
/// the zip prefix are quoted (the prefix keeps its leading zero, e.g. "01151"), city and state are not; orders
/// and payments values are unquoted. Ids are 32 lowercase hex digits, timestamps <c>yyyy-MM-dd HH:mm:ss</c>,
/// the estimated delivery date is at midnight, carrier hand-over times have zero seconds, and dates that have
/// not happened (undelivered or canceled orders) are empty fields. Every order has its own customer_id;
/// a returning customer keeps one customer_unique_id (and address). Rows are in random order, as in the originals.
/// </remarks>
public sealed class OlistGenerator(OlistOptions? options = null)
{
    /// <summary>File names of the real dataset.</summary>
    public const string CustomersFileName = "olist_customers_dataset.csv";
    /// <inheritdoc cref="CustomersFileName"/>
    public const string OrdersFileName = "olist_orders_dataset.csv";
    /// <inheritdoc cref="CustomersFileName"/>
    public const string PaymentsFileName = "olist_order_payments_dataset.csv";
    /// <summary>Truth file name: customer_unique_id,segment.</summary>
    public const string SegmentsFileName = "olist_customer_segments.csv";

    /// <summary>Columns of olist_customers_dataset.csv.</summary>
    public static readonly IReadOnlyList<string> CustomerColumns =
        ["customer_id", "customer_unique_id", "customer_zip_code_prefix", "customer_city", "customer_state"];

    /// <summary>Columns of olist_orders_dataset.csv.</summary>
    public static readonly IReadOnlyList<string> OrderColumns =
    [
        "order_id", "customer_id", "order_status", "order_purchase_timestamp", "order_approved_at",
        "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date",
    ];

    /// <summary>Columns of olist_order_payments_dataset.csv.</summary>
    public static readonly IReadOnlyList<string> PaymentColumns =
        ["order_id", "payment_sequential", "payment_type", "payment_installments", "payment_value"];

    /// <summary>Order status shares, close to the real dataset (97% delivered).</summary>
    public static readonly IReadOnlyList<(string Status, double Share)> StatusShares =
    [
        ("delivered", 0.9702), ("shipped", 0.0111), ("canceled", 0.0063), ("unavailable", 0.0061),
        ("invoiced", 0.0032), ("processing", 0.0030), ("created", 0.00005), ("approved", 0.00002),
    ];

    /// <summary>Payment-method shares per order; "voucher" orders pay with one or more vouchers, sometimes plus a card.</summary>
    public static readonly IReadOnlyList<(string Method, double Share)> PaymentMethodShares =
        [("credit_card", 0.735), ("boleto", 0.19), ("debit_card", 0.015), ("voucher", 0.06)];

    /// <summary>The default segment model (values in BRL, days over a 773-day period). Most customers buy once;
    /// about a quarter buy again.</summary>
    public static readonly IReadOnlyList<SegmentProfile> DefaultSegments =
    [
        new(CustomerSegment.FrequentBigSpenders, 0.05, 3.0, 0, 60, 300, 190, 0.6),
        new(CustomerSegment.SteadyRepeaters, 0.10, 1.2, 0, 180, 400, 140, 0.65),
        new(CustomerSegment.RecentNewcomers, 0.20, 0.15, 0, 90, 60, 110, 0.7),
        new(CustomerSegment.LapsedRepeaters, 0.15, 1.0, 200, 450, 300, 130, 0.7),
        new(CustomerSegment.DormantLowSpenders, 0.50, 0.0, 150, 770, 0, 85, 0.75),
    ];

    // Share of purchases in each hour of the day (Brazil shops late into the evening).
    private static readonly double[] HourWeights =
        [2.4, 1.2, 0.5, 0.3, 0.2, 0.2, 0.5, 1.2, 3.0, 4.8, 6.2, 6.6, 6.0, 6.5, 6.7, 6.5, 6.7, 6.2, 5.8, 6.0, 6.2, 6.2, 5.8, 4.3];

    // Credit-card installments 1..10 and 12 with their shares in the real data.
    private static readonly int[] Installments = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12];
    private static readonly double[] InstallmentWeights = [48, 12, 10, 7, 5, 4, 1.6, 4, 0.6, 5.7, 0.2];

    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The settings in use.</summary>
    public OlistOptions Options { get; } = options ?? new OlistOptions();

    /// <summary>Writes the three public files to <paramref name="folder"/> and the truth file to
    /// <paramref name="truthFolder"/> (default: <c>folder/truth</c>).</summary>
    public OlistResult Write(string folder, string? truthFolder = null)
    {
        truthFolder ??= Path.Combine(folder, "truth");
        var random = SeededRandom.ForStream(Options.Seed, 1);
        var behaviour = new SegmentBehaviour(Options.Segments, (Options.End - Options.Start).TotalDays);
        var statusWeights = StatusShares.Select(s => s.Share).ToArray();
        var methodWeights = PaymentMethodShares.Select(s => s.Share).ToArray();

        var customers = new List<(string UniqueId, CustomerSegment Segment)>();
        var orders = new List<Order>(Options.Orders);
        while (orders.Count < Options.Orders)
        {
            var history = behaviour.Next(random);
            string uniqueId = random.Hex(32);
            var (city, zip) = BrazilianCities.Pick(random);
            customers.Add((uniqueId, history.Segment));
            for (int i = 0; i < history.Days.Length && orders.Count < Options.Orders; i++)
            {
                var order = NewOrder(random, history.Days[i], history.Values[i], statusWeights, methodWeights);
                order.UniqueId = uniqueId;
                order.ZipPrefix = zip;
                order.City = city.Name;
                order.State = city.State;
                orders.Add(order);
            }
        }

        var customersPath = Path.Combine(folder, CustomersFileName);
        var ordersPath = Path.Combine(folder, OrdersFileName);
        var paymentsPath = Path.Combine(folder, PaymentsFileName);
        var segmentsPath = Path.Combine(truthFolder, SegmentsFileName);

        // The real files are in no particular order, and not in the same order as each other.
        var customerRows = orders.ToArray();
        random.Shuffle(customerRows);
        using (var w = new GeneratedFileWriter(customersPath))
        {
            w.Header(CustomerColumns, quoted: true);
            foreach (var o in customerRows)
            {
                w.Quoted(o.CustomerId).Quoted(o.UniqueId!).Quoted(o.ZipPrefix!).Field(o.City!).Field(o.State!);
                w.EndRow();
            }
        }

        var orderRows = orders.ToArray();
        random.Shuffle(orderRows);
        using (var w = new GeneratedFileWriter(ordersPath))
        {
            w.Header(OrderColumns, quoted: true);
            foreach (var o in orderRows)
            {
                w.Field(o.OrderId).Field(o.CustomerId).Field(o.Status).Field(o.Purchase, TimestampFormat);
                OptionalTimestamp(w, o.Approved);
                OptionalTimestamp(w, o.Carrier);
                OptionalTimestamp(w, o.Delivered);
                w.Field(o.Estimated, TimestampFormat);
                w.EndRow();
            }
        }

        var paymentRows = orders.SelectMany(o => o.Payments.Select((p, i) => (o.OrderId, Sequential: i + 1, Payment: p))).ToArray();
        random.Shuffle(paymentRows);
        using (var w = new GeneratedFileWriter(paymentsPath))
        {
            w.Header(PaymentColumns, quoted: true);
            foreach (var (orderId, sequential, p) in paymentRows)
            {
                w.Field(orderId).Field(sequential).Field(p.Type).Field(p.Installments).Field(p.Cents / 100m, "0.00");
                w.EndRow();
            }
        }

        using (var w = new GeneratedFileWriter(segmentsPath))
        {
            w.Header(["customer_unique_id", "segment"]);
            foreach (var (uniqueId, segment) in customers)
            {
                w.Field(uniqueId).Field(segment.ToString());
                w.EndRow();
            }
        }

        return new OlistResult(
            customersPath, ordersPath, paymentsPath, segmentsPath,
            orders.Count, customers.Count, paymentRows.Length,
            customers.ToDictionary(c => c.UniqueId, c => c.Segment),
            orders.ToDictionary(o => o.OrderId, o => o.TotalCents / 100m),
            SegmentProfile.ExpectedRepeatShare(Options.Segments),
            Options.Segments);
    }

    private Order NewOrder(SeededRandom random, double day, double value, double[] statusWeights, double[] methodWeights)
    {
        var purchase = Options.Start.AddDays(Math.Floor(day))
            .AddSeconds(random.Categorical(HourWeights) * 3600 + random.NextInt(3600));
        var status = StatusShares[random.Categorical(statusWeights)].Status;
        var method = PaymentMethodShares[random.Categorical(methodWeights)].Method;
        long totalCents = Math.Max(990, (long)Math.Round(value * 100));

        // Boleto (a bank slip) is approved when paid, a day or more later; cards within minutes.
        DateTime? approved = purchase.AddSeconds(Seconds(method == "boleto"
            ? random.LogNormal(DeterministicMath.Log(26 * 3600.0), 0.5)
            : Math.Min(3 * 86400.0, random.LogNormal(DeterministicMath.Log(15 * 60.0), 1.2))));
        DateTime? carrier = null, delivered = null;
        switch (status)
        {
            case "created":
                approved = null;
                break;
            case "canceled":
                if (random.Bernoulli(0.2)) approved = null;
                else if (random.Bernoulli(0.1)) carrier = ToCarrier(random, approved!.Value);
                break;
            case "shipped":
                carrier = ToCarrier(random, approved!.Value);
                break;
            case "delivered":
                carrier = ToCarrier(random, approved!.Value);
                delivered = carrier.Value.AddSeconds(Seconds(random.LogNormal(DeterministicMath.Log(7 * 86400.0), 0.55)));
                break;
        }
        var estimated = purchase.Date.AddDays(random.NextInt(14, 36));

        return new Order
        {
            OrderId = random.Hex(32),
            CustomerId = random.Hex(32),
            Status = status,
            Purchase = purchase,
            Approved = approved,
            Carrier = carrier,
            Delivered = delivered,
            Estimated = estimated,
            TotalCents = totalCents,
            Payments = SplitPayment(random, method, totalCents),
        };
    }

    // Carriers log the hand-over to the minute, so these timestamps end in ":00".
    private static DateTime ToCarrier(SeededRandom random, DateTime approved)
    {
        var t = approved.AddSeconds(Seconds(random.LogNormal(DeterministicMath.Log(2.2 * 86400.0), 0.6)));
        return t.AddSeconds(-t.Second);
    }

    private static List<Payment> SplitPayment(SeededRandom random, string method, long totalCents)
    {
        if (method != "voucher")
        {
            int installments = method == "credit_card" ? Installments[random.Categorical(InstallmentWeights)] : 1;
            return [new Payment(method, installments, totalCents)];
        }
        // Vouchers: several voucher rows, and in about half the orders a card pays the rest (as sequential 1).
        var payments = new List<Payment>();
        long voucherCents = totalCents;
        if (random.Bernoulli(0.5))
        {
            voucherCents = Math.Max(1, (long)Math.Round(totalCents * random.Uniform(0.1, 0.9)));
            int installments = Installments[random.Categorical(InstallmentWeights)];
            payments.Add(new Payment("credit_card", installments, totalCents - voucherCents));
        }
        int vouchers = (int)Math.Min(1 + random.Poisson(0.8), voucherCents);
        var shares = Enumerable.Range(0, vouchers).Select(_ => 0.2 + random.NextDouble()).ToArray();
        double shareTotal = shares.Sum();
        long assigned = 0;
        for (int i = 0; i < vouchers; i++)
        {
            // Each voucher gets at least one cent; the last takes whatever rounding left over.
            long cents = i == vouchers - 1
                ? voucherCents - assigned
                : Math.Clamp((long)Math.Round(voucherCents * shares[i] / shareTotal), 1, voucherCents - assigned - (vouchers - 1 - i));
            payments.Add(new Payment("voucher", 1, cents));
            assigned += cents;
        }
        return payments;
    }

    private static long Seconds(double seconds) => (long)Math.Round(seconds);

    private static void OptionalTimestamp(GeneratedFileWriter w, DateTime? value)
    {
        if (value is DateTime t) w.Field(t, TimestampFormat); else w.Empty();
    }

    private sealed record Payment(string Type, int Installments, long Cents);

    private sealed class Order
    {
        public required string OrderId { get; init; }
        public required string CustomerId { get; init; }
        public required string Status { get; init; }
        public required DateTime Purchase { get; init; }
        public DateTime? Approved { get; init; }
        public DateTime? Carrier { get; init; }
        public DateTime? Delivered { get; init; }
        public required DateTime Estimated { get; init; }
        public required long TotalCents { get; init; }
        public required List<Payment> Payments { get; init; }
        public string? UniqueId { get; set; }
        public string? ZipPrefix { get; set; }
        public string? City { get; set; }
        public string? State { get; set; }
    }
}

using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>What <see cref="OlistGenerator"/> wrote, with the ground truth behind it.</summary>
/// <param name="CustomersPath">olist_customers_dataset.csv</param>
/// <param name="OrdersPath">olist_orders_dataset.csv</param>
/// <param name="PaymentsPath">olist_order_payments_dataset.csv</param>
/// <param name="SegmentsPath">Truth file: customer_unique_id,segment.</param>
/// <param name="Orders">Number of orders (= customer_id rows).</param>
/// <param name="UniqueCustomers">Number of distinct customer_unique_id.</param>
/// <param name="PaymentRows">Rows of the payments file.</param>
/// <param name="SegmentByCustomerUniqueId">The true segment of every customer_unique_id.</param>
/// <param name="OrderTotalByOrderId">Each order's value; its payment rows sum to exactly this.</param>
/// <param name="ExpectedRepeatShare">Share of customers with 2+ orders that the segment model implies.</param>
/// <param name="Segments">The segment model used.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record OlistResult(
    string CustomersPath,
    string OrdersPath,
    string PaymentsPath,
    string SegmentsPath,
    int Orders,
    int UniqueCustomers,
    int PaymentRows,
    IReadOnlyDictionary<string, CustomerSegment> SegmentByCustomerUniqueId,
    IReadOnlyDictionary<string, decimal> OrderTotalByOrderId,
    double ExpectedRepeatShare,
    IReadOnlyList<SegmentProfile> Segments) : IHtmlRenderable
{
    /// <summary>The files written, with row counts.</summary>
    public IReadOnlyList<GeneratedFile> Files =>
    [
        new("olist customers", CustomersPath, Orders),
        new("olist orders", OrdersPath, Orders),
        new("olist order payments", PaymentsPath, PaymentRows),
        new("truth: customer segments", SegmentsPath, UniqueCustomers),
    ];

    /// <inheritdoc />
    public string ToHtml() =>
        GeneratedFile.FilesTable(Files, "Olist-style e-commerce sample") +
        Html.Table(["segment", "customers"],
            SegmentByCustomerUniqueId.Values.GroupBy(s => s).OrderBy(g => g.Key)
                .Select(g => new object?[] { g.Key, g.Count() }), "True segments");
}

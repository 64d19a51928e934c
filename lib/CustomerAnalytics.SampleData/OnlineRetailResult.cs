using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>What <see cref="OnlineRetailGenerator"/> wrote, with the ground truth behind it.</summary>
/// <param name="Path">The transactions file (one row per invoice line).</param>
/// <param name="SegmentsPath">Truth file: CustomerID,segment.</param>
/// <param name="Lines">Rows written.</param>
/// <param name="Invoices">Distinct invoices, cancellations included.</param>
/// <param name="CancellationInvoices">Invoices whose number starts with C.</param>
/// <param name="LinesWithoutCustomer">Rows with an empty CustomerID.</param>
/// <param name="SegmentByCustomerId">The true segment of every CustomerID.</param>
/// <param name="ExpectedRepeatShare">Share of customers with 2+ purchase invoices that the segment model implies.</param>
/// <param name="Segments">The segment model used.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record OnlineRetailResult(
    string Path,
    string SegmentsPath,
    int Lines,
    int Invoices,
    int CancellationInvoices,
    int LinesWithoutCustomer,
    IReadOnlyDictionary<int, CustomerSegment> SegmentByCustomerId,
    double ExpectedRepeatShare,
    IReadOnlyList<SegmentProfile> Segments) : IHtmlRenderable
{
    /// <summary>The files written, with row counts.</summary>
    public IReadOnlyList<GeneratedFile> Files =>
    [
        new("online retail transactions", Path, Lines),
        new("truth: customer segments", SegmentsPath, SegmentByCustomerId.Count),
    ];

    /// <inheritdoc />
    public string ToHtml() =>
        GeneratedFile.FilesTable(Files, "Online Retail-style sample") +
        Html.Table(["segment", "customers"],
            SegmentByCustomerId.Values.GroupBy(s => s).OrderBy(g => g.Key)
                .Select(g => new object?[] { g.Key, g.Count() }), "True segments");
}

using CustomerAnalytics.Display;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Sql;

/// <summary>The finished RFM table and how it was made.</summary>
/// <param name="AsOfDate">The day recency was measured on.</param>
/// <param name="Steps">Every SQL step, in order.</param>
/// <param name="Table">One row per customer: recency_days, frequency, monetary_total, monetary_avg, the scaled values, the 1-5 scores (F by order band, R and M by rank in fifths), segment.</param>
/// <param name="Segments">Customers, revenue and revenue share per segment, largest revenue first.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record RfmResult(DateTime AsOfDate, IReadOnlyList<StepResult> Steps, DataFrame Table, DataFrame Segments) : IHtmlRenderable
{
    /// <summary>Customers in the table.</summary>
    public long Customers => Table.Rows.Count;

    /// <inheritdoc />
    public override string ToString() => $"RFM as of {AsOfDate:yyyy-MM-dd}: {Customers:N0} customers in {Segments.Rows.Count} segments";

    /// <inheritdoc />
    public string ToHtml() => $"<div><b>{Html.Encode(ToString())}</b>{Html.FromDataFrame(Segments, Segments.Rows.Count)}</div>";
}

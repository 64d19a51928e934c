using System.Globalization;
using CustomerAnalytics.Display;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Data;

/// <summary>The three Olist tables loaded by <see cref="DatasetLoader.LoadOlist"/>: customers, orders, payments.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record OlistLoadResult(LoadReport Customers, LoadReport Orders, LoadReport Payments) : IHtmlRenderable
{
    /// <summary>The three reports in load order.</summary>
    public IReadOnlyList<LoadReport> Reports => [Customers, Orders, Payments];

    /// <summary>Rejected rows over all three files.</summary>
    public long RowsRejected => Reports.Sum(r => r.RowsRejected);

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Reports.Select(r => r.ToString()));

    /// <inheritdoc/>
    public string ToHtml() => string.Concat(Reports.Select(r => r.ToHtml()));
}

/// <summary>Propensity sessions as typed records, with the report of the file they came from.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record PropensityLoadResult(IReadOnlyList<SessionRecord> Sessions, LoadReport Report) : IHtmlRenderable
{
    /// <inheritdoc/>
    public override string ToString() => Report.ToString();

    /// <inheritdoc/>
    public string ToHtml() => Report.ToHtml();
}

/// <summary>A file loaded into a DataFrame whose column types follow the schema, with its report.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record DataFrameLoadResult(DataFrame Frame, LoadReport Report) : IHtmlRenderable
{
    /// <inheritdoc/>
    public override string ToString() => Report.ToString();

    /// <summary>The report, then the column names and types.</summary>
    public string ToHtml() => Report.ToHtml() + Html.Table(["column", "type"],
        Frame.Columns.Select(c => new object?[] { c.Name, c.DataType.Name }),
        string.Create(CultureInfo.InvariantCulture, $"DataFrame: {Frame.Rows.Count:N0} rows"));
}

using System.Globalization;
using CustomerAnalytics.Display;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Sql;

/// <summary>What one SQL step did: its statement, the rows it produced, how long it took, the first rows.</summary>
/// <param name="Script">The statement that ran.</param>
/// <param name="Table">The table it created.</param>
/// <param name="Rows">Rows in that table.</param>
/// <param name="RowsBefore">Rows in the input table, for filtering steps (null otherwise).</param>
/// <param name="Elapsed">Time the statement took.</param>
/// <param name="Preview">The first rows of the table.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record StepResult(SqlScript Script, string Table, long Rows, long? RowsBefore, TimeSpan Elapsed, DataFrame Preview)
    : IHtmlRenderable
{
    /// <summary>Rows a filtering step removed (null for other steps).</summary>
    public long? RowsRemoved => RowsBefore - Rows;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Script.Name}: {Table} has {Rows:N0} rows{(RowsRemoved is { } r ? $" ({r:N0} removed)" : "")}, {Elapsed.TotalMilliseconds:F0} ms");

    /// <inheritdoc />
    public string ToHtml() =>
        $"<div><b>{Html.Encode(ToString())}</b><p>{Html.Encode(Script.Description)}</p>" +
        $"<details><summary>SQL</summary><pre>{Html.Encode(Script.Sql)}</pre></details>" +
        Html.FromDataFrame(Preview, Preview.Rows.Count) + "</div>";
}

namespace CustomerAnalytics.Data;

/// <summary>
/// The declared shape of one delimited file: its columns (matched to the header by name) and delimiter.
/// The same schema drives validation, the DuckDB table definition and the DataFrame column types.
/// </summary>
/// <param name="Name">Short dataset name used in reports and messages (for example "olist_orders").</param>
/// <param name="Columns">Columns in the order tables and DataFrames use.</param>
public sealed record DatasetSchema(string Name, IReadOnlyList<ColumnSpec> Columns)
{
    /// <summary>Field separator; comma for every CSV here.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Names of the columns, in schema order.</summary>
    public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToArray();

    /// <summary>The column called <paramref name="name"/> (case-insensitive), or null.</summary>
    public ColumnSpec? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Names and types, one per line: what a notebook prints to show the expected file.</summary>
    public override string ToString() => $"{Name}:{Environment.NewLine}" + string.Join(Environment.NewLine, Columns.Select(c => "  " + c));
}

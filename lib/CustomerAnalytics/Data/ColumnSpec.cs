namespace CustomerAnalytics.Data;

/// <summary>
/// One column of a dataset: its name in the file's header, its type, whether an empty value is allowed
/// (<see cref="Nullable"/>) and whether the column may be absent from the file (<see cref="Optional"/>).
/// </summary>
/// <param name="Name">Header name; matched case-insensitively, in any order.</param>
/// <param name="Type">Value type.</param>
/// <param name="Nullable">An empty value becomes NULL instead of a rejected row.</param>
/// <param name="Optional">The column may be missing from the header (for example the label in a scoring file).</param>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Nullable = false, bool Optional = false)
{
    /// <summary>Accepted text formats: .NET date patterns for timestamps and dates (tried in order);
    /// for Int/Long columns, <see cref="WholeDecimalFormat"/> also accepts "17850.0".</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>Decimals kept by a Decimal column. A value with more decimals is rejected rather than
    /// silently rounded (DuckDB would truncate it).</summary>
    public int Scale { get; init; } = 2;

    /// <summary>Format flag for Int/Long columns: accept a whole number written as a decimal ("17850.0"),
    /// as spreadsheet exports do with identifier columns that contain blanks.</summary>
    public const string WholeDecimalFormat = "0.0";

    /// <summary>The DuckDB column type this column is stored as.</summary>
    public string DuckDbType => Type switch
    {
        ColumnType.String => "VARCHAR",
        ColumnType.Int => "INTEGER",
        ColumnType.Long => "BIGINT",
        ColumnType.Decimal => $"DECIMAL(18,{Scale})",
        ColumnType.Double => "DOUBLE",
        ColumnType.Timestamp => "TIMESTAMP",
        ColumnType.Date => "DATE",
        ColumnType.Binary => "TINYINT",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, null),
    };

    /// <summary>A text column.</summary>
    public static ColumnSpec Text(string name, bool nullable = false) => new(name, ColumnType.String, nullable);
    /// <summary>A 32-bit integer column.</summary>
    public static ColumnSpec Int(string name, bool nullable = false) => new(name, ColumnType.Int, nullable);
    /// <summary>A 64-bit integer column.</summary>
    public static ColumnSpec Long(string name, bool nullable = false) => new(name, ColumnType.Long, nullable);
    /// <summary>An exact decimal column with <paramref name="scale"/> decimals.</summary>
    public static ColumnSpec Decimal(string name, int scale = 2, bool nullable = false) => new(name, ColumnType.Decimal, nullable) { Scale = scale };
    /// <summary>A floating point column.</summary>
    public static ColumnSpec Double(string name, bool nullable = false) => new(name, ColumnType.Double, nullable);
    /// <summary>A timestamp column accepting any of <paramref name="formats"/>.</summary>
    public static ColumnSpec Timestamp(string name, bool nullable, params string[] formats) => new(name, ColumnType.Timestamp, nullable) { Formats = formats };
    /// <summary>A date column accepting any of <paramref name="formats"/>.</summary>
    public static ColumnSpec Date(string name, params string[] formats) => new(name, ColumnType.Date) { Formats = formats };
    /// <summary>A 0/1 column.</summary>
    public static ColumnSpec Binary(string name, bool optional = false) => new(name, ColumnType.Binary, Optional: optional);

    /// <summary>For example "UnitPrice DECIMAL(18,3)" or "order_approved_at TIMESTAMP NULL [yyyy-MM-dd HH:mm:ss]".</summary>
    public override string ToString()
    {
        var formats = Type is ColumnType.Timestamp or ColumnType.Date ? $" [{string.Join(" | ", Formats)}]"
            : Formats.Contains(WholeDecimalFormat) ? " (also accepts 17850.0)" : "";
        return $"{Name} {DuckDbType}{(Nullable ? " NULL" : "")}{(Optional ? " (optional column)" : "")}{formats}";
    }
}

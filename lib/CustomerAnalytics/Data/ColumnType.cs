namespace CustomerAnalytics.Data;

/// <summary>The value type of a dataset column, as validated on load and stored in DuckDB and DataFrames.</summary>
/// <remarks>
/// Storage: String → VARCHAR / string; Int → INTEGER / int; Long → BIGINT / long;
/// Decimal → DECIMAL(18, scale) / decimal (exact money sums); Double → DOUBLE / double;
/// Timestamp → TIMESTAMP / DateTime; Date → DATE / DateOnly (DateTime in a DataFrame);
/// Binary (0/1) → TINYINT / sbyte, so SUM and AVG give counts and rates directly in SQL.
/// </remarks>
public enum ColumnType
{
    /// <summary>Text, kept exactly as in the file.</summary>
    String,
    /// <summary>32-bit integer.</summary>
    Int,
    /// <summary>64-bit integer.</summary>
    Long,
    /// <summary>Exact decimal with a fixed number of decimals (<see cref="ColumnSpec.Scale"/>).</summary>
    Decimal,
    /// <summary>Floating point number.</summary>
    Double,
    /// <summary>Date and time parsed with one of <see cref="ColumnSpec.Formats"/>.</summary>
    Timestamp,
    /// <summary>Calendar date parsed with one of <see cref="ColumnSpec.Formats"/>.</summary>
    Date,
    /// <summary>A 0/1 flag; anything else is rejected.</summary>
    Binary,
}

using System.Globalization;

namespace CustomerAnalytics.Data;

/// <summary>
/// One validated row, with typed values addressed by schema ordinal (the column's index in
/// <see cref="DatasetSchema.Columns"/>) or name. The reader reuses one instance for every row:
/// copy values out in the callback, do not keep the row.
/// </summary>
public sealed class TypedRow
{
    private readonly long[] _integers;
    private readonly decimal[] _decimals;
    private readonly double[] _doubles;
    private readonly DateTime[] _times;
    private readonly CsvField[] _texts;
    private readonly bool[] _nulls;
    private readonly bool[] _present;

    internal TypedRow(DatasetSchema schema, bool[] present)
    {
        Schema = schema;
        int n = schema.Columns.Count;
        _integers = new long[n];
        _decimals = new decimal[n];
        _doubles = new double[n];
        _times = new DateTime[n];
        _texts = new CsvField[n];
        _nulls = new bool[n];
        _present = present;
        PresentOrdinals = Enumerable.Range(0, n).Where(i => present[i]).ToArray();
    }

    /// <summary>The schema the row follows.</summary>
    public DatasetSchema Schema { get; }

    /// <summary>Line of the file where the row starts.</summary>
    public long Line { get; internal set; }

    /// <summary>Ordinals of the schema columns present in the file, in schema order.</summary>
    public IReadOnlyList<int> PresentOrdinals { get; }

    /// <summary>The schema ordinal of column <paramref name="name"/> (case-insensitive).</summary>
    public int Ordinal(string name)
    {
        for (int i = 0; i < Schema.Columns.Count; i++)
            if (string.Equals(Schema.Columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new ArgumentException($"No column '{name}' in schema {Schema.Name}: {string.Join(", ", Schema.ColumnNames)}", nameof(name));
    }

    /// <summary>False for an optional column absent from the file.</summary>
    public bool IsPresent(int ordinal) => _present[ordinal];

    /// <summary>True for an empty value in a nullable column, or a column absent from the file.</summary>
    public bool IsNull(int ordinal) => !_present[ordinal] || _nulls[ordinal];

    /// <summary>Text value (null when empty in a nullable column). Each call makes a new string.</summary>
    public string? GetString(int ordinal) => IsNull(ordinal) ? null : _texts[ordinal].ToString();

    /// <summary>Text value as a slice of the record, without making a string (the DuckDB sink's fast path).</summary>
    internal ReadOnlySpan<char> GetTextSpan(int ordinal) => IsNull(ordinal) ? default : _texts[ordinal].Span;
    /// <summary>Int column value.</summary>
    public int GetInt32(int ordinal) => (int)Value(_integers, ordinal);
    /// <summary>Long column value.</summary>
    public long GetInt64(int ordinal) => Value(_integers, ordinal);
    /// <summary>Decimal column value.</summary>
    public decimal GetDecimal(int ordinal) => Value(_decimals, ordinal);
    /// <summary>Double column value.</summary>
    public double GetDouble(int ordinal) => Value(_doubles, ordinal);
    /// <summary>Timestamp (or date, at midnight) column value.</summary>
    public DateTime GetDateTime(int ordinal) => Value(_times, ordinal);
    /// <summary>Date column value.</summary>
    public DateOnly GetDate(int ordinal) => DateOnly.FromDateTime(Value(_times, ordinal));
    /// <summary>Binary column value as 0 or 1.</summary>
    public sbyte GetBinary(int ordinal) => (sbyte)Value(_integers, ordinal);
    /// <summary>Binary column value as a bool.</summary>
    public bool GetBoolean(int ordinal) => Value(_integers, ordinal) == 1;

    /// <summary>The value boxed as its natural .NET type (string, int, long, decimal, double, DateTime,
    /// DateOnly, sbyte), or null.</summary>
    public object? GetValue(int ordinal)
    {
        if (IsNull(ordinal)) return null;
        return Schema.Columns[ordinal].Type switch
        {
            ColumnType.String => _texts[ordinal].ToString(),
            ColumnType.Int => (int)_integers[ordinal],
            ColumnType.Long => _integers[ordinal],
            ColumnType.Decimal => _decimals[ordinal],
            ColumnType.Double => _doubles[ordinal],
            ColumnType.Timestamp => _times[ordinal],
            ColumnType.Date => DateOnly.FromDateTime(_times[ordinal]),
            ColumnType.Binary => (sbyte)_integers[ordinal],
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The value of column <paramref name="name"/>, boxed, or null.</summary>
    public object? this[string name] => GetValue(Ordinal(name));

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", PresentOrdinals.Select(i =>
        $"{Schema.Columns[i].Name}={Convert.ToString(GetValue(i), CultureInfo.InvariantCulture)}"));

    private T Value<T>(T[] values, int ordinal) => IsNull(ordinal)
        ? throw new InvalidOperationException($"Column {Schema.Columns[ordinal].Name} is null on line {Line}; check IsNull first.")
        : values[ordinal];

    // Setters used by the reader.
    internal void SetNull(int i) => _nulls[i] = true;
    // Text stays a slice of the record until someone asks for it: most sinks copy it straight on.
    internal void SetText(int i, CsvField v) { _nulls[i] = false; _texts[i] = v; }
    internal void SetInteger(int i, long v) { _nulls[i] = false; _integers[i] = v; }
    internal void SetDecimal(int i, decimal v) { _nulls[i] = false; _decimals[i] = v; }
    internal void SetDouble(int i, double v) { _nulls[i] = false; _doubles[i] = v; }
    internal void SetTime(int i, DateTime v) { _nulls[i] = false; _times[i] = v; }
}

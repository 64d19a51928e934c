using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Data;

/// <summary>Builds a DataFrame whose column types follow the schema (the same types a DuckDB query of the
/// loaded table gives through <see cref="DataFrames.FromReader"/>), never guessed from the text.</summary>
internal sealed class DataFrameSink : ITypedRowSink
{
    private (int Ordinal, DataFrameColumn Column)[] _columns = [];

    /// <summary>The frame, built after the last row: a DataFrame counts its rows when it is created, so
    /// rows appended to its columns afterwards would not show.</summary>
    public DataFrame ToDataFrame() => new(_columns.Select(c => c.Column));

    public void Begin(DatasetSchema schema, IReadOnlyList<int> ordinals) =>
        _columns = ordinals.Select(i => (i, CreateColumn(schema.Columns[i]))).ToArray();

    public void Add(TypedRow row)
    {
        foreach (var (i, column) in _columns)
        {
            bool isNull = row.IsNull(i);
            switch (column)
            {
                case StringDataFrameColumn c: c.Append(row.GetString(i)); break;
                case Int32DataFrameColumn c: c.Append(isNull ? null : row.GetInt32(i)); break;
                case Int64DataFrameColumn c: c.Append(isNull ? null : row.GetInt64(i)); break;
                case DecimalDataFrameColumn c: c.Append(isNull ? null : row.GetDecimal(i)); break;
                case DoubleDataFrameColumn c: c.Append(isNull ? null : row.GetDouble(i)); break;
                case DateTimeDataFrameColumn c: c.Append(isNull ? null : row.GetDateTime(i)); break;
                case SByteDataFrameColumn c: c.Append(isNull ? null : row.GetBinary(i)); break;
            }
        }
    }

    private static DataFrameColumn CreateColumn(ColumnSpec spec) => spec.Type switch
    {
        ColumnType.String => new StringDataFrameColumn(spec.Name),
        ColumnType.Int => new Int32DataFrameColumn(spec.Name),
        ColumnType.Long => new Int64DataFrameColumn(spec.Name),
        ColumnType.Decimal => new DecimalDataFrameColumn(spec.Name),
        ColumnType.Double => new DoubleDataFrameColumn(spec.Name),
        ColumnType.Timestamp or ColumnType.Date => new DateTimeDataFrameColumn(spec.Name),
        ColumnType.Binary => new SByteDataFrameColumn(spec.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, null),
    };
}

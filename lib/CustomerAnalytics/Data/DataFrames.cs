using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Data;

/// <summary>Reads query results into DataFrames with proper column types.</summary>
public static class DataFrames
{
    /// <summary>
    /// Reads every row of <paramref name="reader"/> into a DataFrame. Column types follow the reader's:
    /// numbers, decimals, bools and timestamps keep their type; DuckDB DATE becomes DateTime, HUGEINT
    /// (what SUM of integers returns) becomes long; lists, intervals and other types become text.
    /// (<c>DataFrame.LoadFrom</c> throws on DATE and HUGEINT, and <c>LoadCsv</c> guesses float for numbers.)
    /// </summary>
    public static DataFrame FromReader(DbDataReader reader)
    {
        var appenders = Enumerable.Range(0, reader.FieldCount)
            .Select(i => ColumnFor(reader.GetName(i), reader.GetFieldType(i)))
            .ToArray();
        while (reader.Read())
            for (int i = 0; i < appenders.Length; i++)
                appenders[i].Append(reader, i);
        return new DataFrame(appenders.Select(a => a.Column));
    }

    private static IColumnAppender ColumnFor(string name, Type type) => type switch
    {
        _ when type == typeof(string) => new Text(name, format: false),
        _ when type == typeof(bool) => Primitive<bool>(name),
        _ when type == typeof(sbyte) => Primitive<sbyte>(name),
        _ when type == typeof(byte) => Primitive<byte>(name),
        _ when type == typeof(short) => Primitive<short>(name),
        _ when type == typeof(ushort) => Primitive<ushort>(name),
        _ when type == typeof(int) => Primitive<int>(name),
        _ when type == typeof(uint) => Primitive<uint>(name),
        _ when type == typeof(long) => Primitive<long>(name),
        _ when type == typeof(ulong) => Primitive<ulong>(name),
        _ when type == typeof(float) => Primitive<float>(name),
        _ when type == typeof(double) => Primitive<double>(name),
        _ when type == typeof(decimal) => Primitive<decimal>(name),
        _ when type == typeof(DateTime) => Primitive<DateTime>(name),
        _ when type == typeof(DateOnly) => new Converted<DateTime>(name, v => ((DateOnly)v).ToDateTime(TimeOnly.MinValue)),
        _ when type == typeof(DateTimeOffset) => new Converted<DateTime>(name, v => ((DateTimeOffset)v).UtcDateTime),
        _ when type == typeof(BigInteger) => new Converted<long>(name, v => checked((long)(BigInteger)v)),
        _ => new Text(name, format: true),
    };

    private static IColumnAppender Primitive<T>(string name) where T : unmanaged => new Typed<T>(name);

    private interface IColumnAppender
    {
        DataFrameColumn Column { get; }
        void Append(DbDataReader reader, int ordinal);
    }

    private sealed class Text(string name, bool format) : IColumnAppender
    {
        private readonly StringDataFrameColumn _column = new(name);
        public DataFrameColumn Column => _column;

        public void Append(DbDataReader reader, int ordinal) => _column.Append(
            reader.IsDBNull(ordinal) ? null : format ? FormatValue(reader.GetValue(ordinal)) : reader.GetString(ordinal));
    }

    /// <summary>The named column class for T (Int32DataFrameColumn rather than PrimitiveDataFrameColumn&lt;int&gt;),
    /// as DataFrame.LoadFrom and arithmetic between columns expect.</summary>
    private static PrimitiveDataFrameColumn<T> NewColumn<T>(string name) where T : unmanaged => (PrimitiveDataFrameColumn<T>)(DataFrameColumn)(default(T) switch
    {
        bool => new BooleanDataFrameColumn(name),
        sbyte => new SByteDataFrameColumn(name),
        byte => new ByteDataFrameColumn(name),
        short => new Int16DataFrameColumn(name),
        ushort => new UInt16DataFrameColumn(name),
        int => new Int32DataFrameColumn(name),
        uint => new UInt32DataFrameColumn(name),
        long => new Int64DataFrameColumn(name),
        ulong => new UInt64DataFrameColumn(name),
        float => new SingleDataFrameColumn(name),
        double => new DoubleDataFrameColumn(name),
        decimal => new DecimalDataFrameColumn(name),
        DateTime => new DateTimeDataFrameColumn(name),
        _ => new PrimitiveDataFrameColumn<T>(name),
    });

    private sealed class Typed<T>(string name) : IColumnAppender where T : unmanaged
    {
        private readonly PrimitiveDataFrameColumn<T> _column = NewColumn<T>(name);
        public DataFrameColumn Column => _column;

        public void Append(DbDataReader reader, int ordinal) =>
            _column.Append(reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal));
    }

    private sealed class Converted<T>(string name, Func<object, T> convert) : IColumnAppender where T : unmanaged
    {
        private readonly PrimitiveDataFrameColumn<T> _column = NewColumn<T>(name);
        public DataFrameColumn Column => _column;

        public void Append(DbDataReader reader, int ordinal) =>
            _column.Append(reader.IsDBNull(ordinal) ? null : convert(reader.GetValue(ordinal)));
    }

    private static string FormatValue(object value) => value switch
    {
        string s => s,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(x => x is null ? "NULL" : FormatValue(x))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Data;

/// <summary>
/// A database the workshop SQL runs on: the in-process DuckDB <see cref="WorkshopDatabase"/> by default, or a
/// PostgreSQL-wire server (PostgreSQL itself, or Amazon Redshift: <c>CustomerAnalytics.Sql.PostgresEngine</c>) when
/// the data outgrows one machine. The ADO.NET plumbing is shared: the SQL itself is identical on both.
/// </summary>
public abstract class SqlEngine : IDisposable
{
    /// <summary>Engine name for tables and messages, e.g. "DuckDB 1.x" or "PostgreSQL 17".</summary>
    public abstract string Name { get; }

    /// <summary>The open connection, for ADO.NET use (commands, parameters).</summary>
    public abstract DbConnection Connection { get; }

    /// <summary>Runs a statement (or several separated by semicolons); returns the rows changed (or -1).</summary>
    public int Execute(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and returns its rows as a DataFrame with typed columns (see <see cref="DataFrames.FromReader"/>).</summary>
    public DataFrame Query(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        return DataFrames.FromReader(reader);
    }

    /// <summary>The first column of the first row, converted to <typeparamref name="T"/> (default when NULL or no row).</summary>
    public T Scalar<T>(string sql)
    {
        using var command = Command(sql);
        var value = command.ExecuteScalar();
        if (value is null or DBNull) return default!;
        if (value is T t) return t;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <summary>Row count of a table.</summary>
    public long Count(string table) => Scalar<long>($"SELECT COUNT(*) FROM {PlainName(table)}");

    /// <summary>Column names of <paramref name="table"/>, lower case, or an empty list when it does not exist.</summary>
    public IReadOnlyList<string> Columns(string table)
    {
        using var command = Command(
            $"SELECT lower(column_name) FROM information_schema.columns WHERE lower(table_name) = '{PlainName(table).ToLowerInvariant()}' ORDER BY ordinal_position");
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    // Parameter syntax differs between DuckDB ($t) and Npgsql (@t); a checked identifier is inlined instead.
    private static string PlainName(string table) => table.Length > 0 && table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        ? table : throw new ArgumentException($"'{table}' is not a plain table name (letters, digits and _ only).", nameof(table));

    private DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }
}

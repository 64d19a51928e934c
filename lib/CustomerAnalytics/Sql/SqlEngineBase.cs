using System.Data.Common;
using CustomerAnalytics.Data;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Sql;

/// <summary>ADO.NET plumbing shared by the engines: the SQL itself is identical on both.</summary>
public abstract class SqlEngineBase(DbConnection connection, bool ownsConnection) : ISqlEngine
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public DbConnection Connection { get; } = connection;

    /// <inheritdoc />
    public int Execute(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public DataFrame Query(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        return DataFrames.FromReader(reader);
    }

    /// <inheritdoc />
    public object? Scalar(string sql)
    {
        using var command = Command(sql);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns(string table)
    {
        // Parameter syntax differs between DuckDB ($t) and Npgsql (@t); a checked identifier is inlined instead.
        if (!table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"'{table}' is not a plain table name.", nameof(table));
        using var command = Command(
            $"SELECT lower(column_name) FROM information_schema.columns WHERE lower(table_name) = '{table.ToLowerInvariant()}' ORDER BY ordinal_position");
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    private DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsConnection) Connection.Dispose();
        GC.SuppressFinalize(this);
    }
}

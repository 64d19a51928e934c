using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Data;

/// <summary>One column of a DuckDB table, as DESCRIBE reports it.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">DuckDB type, for example "DECIMAL(18,2)".</param>
/// <param name="Nullable">Whether NULLs are allowed.</param>
public sealed record TableColumn(string Name, string Type, bool Nullable);

/// <summary>
/// An in-process DuckDB database (in memory, or in a file) that the loaders fill and the workshops query.
/// Dispose it to close the connection.
/// </summary>
/// <example><code>
/// using var db = new WorkshopDatabase();
/// DatasetLoader.LoadOlist(db, "data/olist");
/// db.Query("SELECT order_status, count(*) AS n FROM orders GROUP BY 1 ORDER BY n DESC")
/// </code></example>
public sealed class WorkshopDatabase : IDisposable
{
    /// <summary>Opens an in-memory database (<paramref name="databaseFile"/> null) or a database file.</summary>
    public WorkshopDatabase(string? databaseFile = null)
    {
        DatabaseFile = databaseFile;
        Connection = new DuckDBConnection($"DataSource={databaseFile ?? ":memory:"}");
        Connection.Open();
    }

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? DatabaseFile { get; }

    /// <summary>The open DuckDB connection, for ADO.NET use (commands, appenders, parameters).</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>A second, open connection to the same database, for work on another thread (DuckDB.NET shares
    /// one database instance between the connections of a process to the same file).</summary>
    internal DuckDBConnection OpenAnotherConnection()
    {
        var connection = DatabaseFile is null ? Connection.Duplicate() : new DuckDBConnection(Connection.ConnectionString);
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        return connection;
    }

    /// <summary>Runs a query and returns its rows as a DataFrame with typed columns (see <see cref="DataFrames.FromReader"/>).</summary>
    public DataFrame Query(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DataFrames.FromReader(reader);
    }

    /// <summary>Runs a statement (or several separated by semicolons); returns the rows changed.</summary>
    public int Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, converted to <typeparamref name="T"/>.</summary>
    public T Scalar<T>(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        if (value is null or DBNull) return default!;
        if (value is T t) return t;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <summary>True when a table or view of that name exists.</summary>
    public bool TableExists(string table) =>
        Scalar<long>($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table.Replace("'", "''")}'") > 0;

    /// <summary>Row count of a table.</summary>
    public long Count(string table) => Scalar<long>($"SELECT count(*) FROM {Quote(table)}");

    /// <summary>The columns of a table with their DuckDB types (DESCRIBE).</summary>
    public IReadOnlyList<TableColumn> Describe(string table)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"DESCRIBE {Quote(table)}";
        using var reader = command.ExecuteReader();
        var columns = new List<TableColumn>();
        while (reader.Read())
            columns.Add(new TableColumn(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "YES"));
        return columns;
    }

    /// <summary>Runs <paramref name="action"/> in a transaction: committed if it returns, rolled back if it throws
    /// (so a failed load leaves the tables as they were).</summary>
    public T InTransaction<T>(Func<T> action)
    {
        using var transaction = Connection.BeginTransaction();
        var result = action();
        transaction.Commit();
        return result;
    }

    /// <summary>A DuckDB identifier in double quotes.</summary>
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>Closes the connection.</summary>
    public void Dispose() => Connection.Dispose();
}

using DuckDB.NET.Data;

namespace CustomerAnalytics.Data;

/// <summary>One column of a DuckDB table, as DESCRIBE reports it.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">DuckDB type, for example "DECIMAL(18,2)".</param>
/// <param name="Nullable">Whether NULLs are allowed.</param>
public sealed record TableColumn(string Name, string Type, bool Nullable);

/// <summary>
/// The in-process DuckDB database (in memory, or in a file) that the loaders fill and the workshop SQL runs on
/// (the default <see cref="SqlEngine"/>).
/// Dispose it to close the connection.
/// </summary>
/// <example><code>
/// using var db = new WorkshopDatabase();
/// DatasetLoader.LoadOlist(db, "data/olist");
/// db.Query("SELECT order_status, count(*) AS n FROM orders GROUP BY 1 ORDER BY n DESC")
/// </code></example>
public sealed class WorkshopDatabase : SqlEngine
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
    public override DuckDBConnection Connection { get; }

    /// <inheritdoc />
    public override string Name => "DuckDB " + Connection.ServerVersion;

    /// <summary>A second, open connection to the same database, for work on another thread (DuckDB.NET shares
    /// one database instance between the connections of a process to the same file).</summary>
    internal DuckDBConnection OpenAnotherConnection()
    {
        var connection = DatabaseFile is null ? Connection.Duplicate() : new DuckDBConnection(Connection.ConnectionString);
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        return connection;
    }

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
}

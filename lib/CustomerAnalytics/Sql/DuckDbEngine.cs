using CustomerAnalytics.Data;

namespace CustomerAnalytics.Sql;

/// <summary>The default engine: the workshop's in-process DuckDB database.</summary>
public sealed class DuckDbEngine(WorkshopDatabase database) : SqlEngineBase(database.Connection, ownsConnection: false)
{
    /// <summary>The database the loaders filled.</summary>
    public WorkshopDatabase Database { get; } = database;

    /// <inheritdoc />
    public override string Name => "DuckDB " + Database.Connection.ServerVersion;
}

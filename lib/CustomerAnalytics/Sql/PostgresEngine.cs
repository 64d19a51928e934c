using CustomerAnalytics.Data;
using Npgsql;

namespace CustomerAnalytics.Sql;

/// <summary>
/// A PostgreSQL-wire server: PostgreSQL, or Amazon Redshift (same protocol; connect with
/// "Host=&lt;cluster&gt;.redshift.amazonaws.com;Port=5439;Database=dev;Username=...;Password=...;Server Compatibility Mode=Redshift").
/// </summary>
public sealed class PostgresEngine : SqlEngine
{
    /// <summary>Opens a connection with an Npgsql connection string.</summary>
    /// <exception cref="SqlEngineException">The server cannot be reached or refuses the login.</exception>
    public PostgresEngine(string connectionString) => Connection = Open(connectionString);

    /// <summary>True when <paramref name="text"/> is an Npgsql connection string (keywords it knows, in key=value form);
    /// nothing is contacted.</summary>
    public static bool IsConnectionString(string text)
    {
        try { return new NpgsqlConnectionStringBuilder(text).Count > 0; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>The open Npgsql connection (binary COPY, parameters).</summary>
    public override NpgsqlConnection Connection { get; }

    /// <inheritdoc />
    public override string Name => "PostgreSQL " + Connection.PostgreSqlVersion;

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            connection.Dispose();
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
            throw new SqlEngineException(
                $"Could not connect to PostgreSQL at {builder.Host}:{builder.Port} (database '{builder.Database}', user '{builder.Username}'): " +
                $"{e.Message} Check the host, port, credentials and that the server accepts connections from here.", e);
        }
    }
}

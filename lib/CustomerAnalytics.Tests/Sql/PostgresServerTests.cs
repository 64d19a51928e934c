using Npgsql;

namespace CustomerAnalytics.Tests.Sql;

public class PostgresServerTests
{
    [Fact]
    public void StartsARealServerOnLoopbackAndStopsIt()
    {
        int port;
        using (var server = new PostgresServer())
        {
            port = server.Port;
            using var connection = new NpgsqlConnection(server.CreateDatabase("smoke"));
            connection.Open();
            using var command = new NpgsqlCommand("SELECT current_database() || ' ' || (SELECT setting FROM pg_settings WHERE name = 'listen_addresses')", connection);
            Assert.Equal("smoke 127.0.0.1", command.ExecuteScalar());
        }
        using var after = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false;Timeout=2");
        Assert.ThrowsAny<Exception>(() => after.Open());
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>
/// A real, throw-away PostgreSQL server on 127.0.0.1, started by the tests themselves:
/// initdb into a temp folder, postgres on a free port, stopped and deleted on dispose.
/// PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user (runuser).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string dataDir;
    private readonly Process server;

    public PostgresServer()
    {
        var bin = FindBinaries();
        dataDir = Directory.CreateTempSubdirectory("pg-test-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres \"{dataDir}\"");
        Run(Path.Combine(bin, "initdb"), $"-D \"{dataDir}\" -U postgres --auth=trust --no-locale -E UTF8", asRoot);
        Port = FreePort();
        var start = Command(Path.Combine(bin, "postgres"),
            $"-D \"{dataDir}\" -p {Port} -k \"{dataDir}\" -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", asRoot);
        server = Process.Start(start)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";
        WaitUntilReady();
    }

    public int Port { get; }
    public string ConnectionString { get; }

    /// <summary>A new empty database on this server; returns its connection string.</summary>
    public string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; ", connection);
        command.ExecuteNonQuery();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private static string FindBinaries()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (fromEnv is not null && File.Exists(Path.Combine(fromEnv, "initdb"))) return fromEnv;
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found (looked in PG_BIN and /usr/lib/postgresql/*/bin). Install them with " +
            "'apt-get install postgresql', or run the tests through .ci/debian13, which has them.");
    }

    private static ProcessStartInfo Command(string program, string arguments, bool asRoot = false)
    {
        var info = asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return info;
    }

    private static void Run(string program, string arguments, bool asRoot = false)
    {
        using var process = Process.Start(Command(program, arguments, asRoot))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {error}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(ConnectionString);
                connection.Open();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                Thread.Sleep(100);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!server.HasExited) { server.Kill(entireProcessTree: true); server.WaitForExit(10_000); }
        }
        finally
        {
            server.Dispose();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } // best effort: temp folder
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CustomerAnalytics.Cloud;

namespace CustomerAnalytics.Tests.Cloud;

/// <summary>
/// Runs a real s3rver on 127.0.0.1 (a free port, a temp data folder) for the tests of one collection,
/// and stops it on dispose. The binary comes from S3RVER_BIN, then PATH, then node_modules/.bin under the
/// repository. Without one the tests fail with install instructions, unless ALLOW_NO_S3RVER=1 (then they skip).
/// </summary>
public sealed class S3rverFixture : IDisposable
{
    public const string InstallHint =
        "s3rver not found. Install it with `npm install s3rver@3.7.1` (in the repository, or anywhere and point " +
        "S3RVER_BIN at node_modules/.bin/s3rver), or run the tests in the Debian 13 environment (.ci/debian13), " +
        "which has it. Set ALLOW_NO_S3RVER=1 to skip the S3 tests instead.";

    private readonly Process? _process;
    private readonly StringBuilder _log = new();

    public S3rverFixture()
    {
        var binary = FindBinary();
        if (binary is null)
        {
            // The tests themselves are marked skipped (S3Fact) in that case; only fail when skipping is not allowed.
            if (SkipAllowed) { ServiceUrl = DataFolder = ""; return; }
            throw new InvalidOperationException(InstallHint);
        }
        DataFolder = Path.Combine(Path.GetTempPath(), "ca-s3rver-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
        Port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{Port}";

        var start = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-d", DataFolder, "-a", "127.0.0.1", "-p", Port.ToString() },
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening(binary);
    }

    public int Port { get; }
    public string ServiceUrl { get; }
    public string DataFolder { get; }

    /// <summary>Everything s3rver has logged so far (one line per request).</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public S3Options Options(string? bucket = null) => S3Options.ForLocalServer(ServiceUrl, bucket);

    /// <summary>Creates a fresh bucket so tests do not see each other's objects.</summary>
    public async Task<string> NewBucketAsync()
    {
        var bucket = "t" + Guid.NewGuid().ToString("N")[..16];
        using var s3 = new S3Transfer(Options(bucket));
        await s3.EnsureBucketAsync();
        return bucket;
    }

    public static string? FindBinary()
    {
        var fromEnv = Environment.GetEnvironmentVariable("S3RVER_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "s3rver");
            if (File.Exists(candidate)) return candidate;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "s3rver");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static bool SkipAllowed => Environment.GetEnvironmentVariable("ALLOW_NO_S3RVER") == "1";

    private void WaitUntilListening(string binary)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"{binary} exited with code {_process.ExitCode} before listening:{Environment.NewLine}{Log}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        Dispose();
        throw new InvalidOperationException($"{binary} did not listen on port {Port} within 30 s:{Environment.NewLine}{Log}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}

/// <summary>A test that needs s3rver: skipped (not failed) only when s3rver is missing and ALLOW_NO_S3RVER=1.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (S3rverFixture.SkipAllowed && S3rverFixture.FindBinary() is null)
            Skip = "s3rver not installed and ALLOW_NO_S3RVER=1. " + S3rverFixture.InstallHint;
    }
}

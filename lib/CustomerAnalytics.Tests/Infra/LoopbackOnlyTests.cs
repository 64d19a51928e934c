using System.Text.RegularExpressions;
using CustomerAnalytics.Charts;
using CustomerAnalytics.Hosting;
using CustomerAnalytics.Tests.Runner;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// Nothing the project starts leaves 127.0.0.1: every chromium gets the flags that keep it on loopback, and
/// <c>.ci/loopback-only</c> (strace of a whole process tree) finds any DNS query, outside connect or datagram.
/// CI runs the tests, the runner, Jupyter and the JupyterLab browser check under it; these tests check the checker
/// and run the PNG export and a notebook under it.
/// </summary>
public sealed partial class LoopbackOnlyTests
{
    private static string Script => Path.Combine(RepositoryPaths.Root, ".ci", "loopback-only");
    private static string Checker => Path.Combine(RepositoryPaths.Root, ".ci", "loopback_check.py");

    [Fact]
    public void The_JupyterLab_browser_check_launches_chromium_with_the_same_loopback_flags()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "jupyterlab-browser.mjs"));
        var list = Regex.Match(script, @"const LOOPBACK_ONLY_FLAGS = \[(.*?)\];", RegexOptions.Singleline);
        Assert.True(list.Success, "LOOPBACK_ONLY_FLAGS not found in .ci/jupyterlab-browser.mjs");
        var flags = JsStrings().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value);
        Assert.Equal(ChromiumSession.LoopbackOnlyFlags, flags.ToArray());
        Assert.Contains("...LOOPBACK_ONLY_FLAGS", script);
        Assert.Contains(ChromiumSession.LoopbackOnlyFlags, f => f.StartsWith("--host-resolver-rules=MAP * ~NOTFOUND", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_names_each_dns_query_outside_connect_and_datagram_with_its_program()
    {
        var check = Check("""
            100 execve("/usr/bin/chromium", ["chromium"], 0x7ffc /* 9 vars */) = 0
            100  clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD) = 101
            101 execve("/usr/bin/getent", ["getent", "hosts", "example.com"], 0x55 /* 9 vars */ <unfinished ...>
            101 <... execve resumed>)              = 0
            101 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 3
            101 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = -1 ENETUNREACH (Network is unreachable)
            100 socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 7
            100 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::ffff:203.0.113.80", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>
            100 <... connect resumed>)             = -1 EINPROGRESS (Operation now in progress)
            100 sendto(9, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(1900), sin_addr=inet_addr("239.255.255.250")}, 16) = 1
            100 connect(8, {sa_family=AF_INET, sin_port=htons(8888), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
            """);

        Assert.Equal(3, check.ExitCode);
        Assert.Contains("FAILED: 3 attempts to leave 127.0.0.1", check.Output);
        Assert.Contains("/usr/bin/getent: connect DNS query to 10.255.255.53 port 53 (1x)", check.Output);
        Assert.Contains("/usr/bin/chromium: connect to ::ffff:203.0.113.80 port 443 (1x)", check.Output);
        Assert.Contains("/usr/bin/chromium: sendto to 239.255.255.250 port 1900 (1x)", check.Output);
        Assert.DoesNotContain("8888", check.Output);
    }

    [Fact]
    public void A_udp_connect_that_sends_nothing_is_a_note_and_sending_on_it_is_an_attempt()
    {
        const string probe = """
            200 execve("/usr/lib/chromium/chromium", ["chromium"], 0x7ffc /* 9 vars */) = 0
            200 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88) = 201
            201 socket(AF_INET6, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 24
            201 connect(24, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0
            """;

        var quiet = Check(probe);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("note: /usr/lib/chromium/chromium: UDP connect to 2001:4860:4860::8888 port 443 sent nothing (1x)", quiet.Output);
        Assert.Contains("nothing left 127.0.0.1", quiet.Output);

        // The same socket, used by the main thread (threads share their process's sockets): now it is traffic.
        var sent = Check(probe + "\n200 sendto(24, \"x\", 1, MSG_NOSIGNAL, NULL, 0) = 1\n");
        Assert.Equal(3, sent.ExitCode);
        Assert.Contains("/usr/lib/chromium/chromium: sendto to 2001:4860:4860::8888 port 443 (1x)", sent.Output);

        // Closed, its number comes back for an IPC socket: what is sent there goes nowhere outside.
        var reused = Check(probe + "\n201 close(24 <unfinished ...>\n201 <... close resumed>) = 0\n200 sendto(24, \"x\", 1, MSG_NOSIGNAL, NULL, 0) = 1\n");
        Assert.Equal(0, reused.ExitCode);
    }

    [Fact]
    public void Calls_of_threads_that_overlap_are_read_in_the_order_they_took_effect()
    {
        // Thread 301 runs before its parent's clone returns in the log (its socket 25 is the process's), and thread
        // 302 closes the old holder of number 24 while 301 opens the socket that gets it: both probes are UDP
        // connects that sent nothing, not a TCP connect.
        const string probe = "{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:4860:4860::8888\", &sin6_addr), sin6_scope_id=0}";
        var check = Check($$"""
            300 execve("/usr/lib/chromium/chromium", ["chromium"], 0x7ffc /* 9 vars */) = 0
            300 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88) = 302
            300 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 24
            300 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0}, 88 <unfinished ...>
            301 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 25
            300 <... clone3 resumed> => {parent_tid=[301]}, 88) = 301
            301 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP <unfinished ...>
            302 close(24 <unfinished ...>
            301 <... socket resumed>)             = 24
            302 <... close resumed>)              = 0
            301 connect(24, {{probe}}, 28) = 0
            300 connect(25, {{probe}}, 28) = 0
            """);

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("UDP connect to 2001:4860:4860::8888 port 443 sent nothing (2x)", check.Output);
    }

    [StraceFact]
    public void The_self_test_catches_a_real_dns_lookup()
    {
        if (AlreadyWatched()) return; // strace cannot run under strace; .ci/run runs --self-test before its steps
        var run = InfraPaths.Run(Script, ["--self-test"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("self-test passed", run.Output);
    }

    [StraceFact]
    public void A_notebook_run_with_its_png_export_stays_on_loopback()
    {
        var output = RunnerTestSupport.NewTempDirectory();
        var log = Path.Combine(output, "strace.log");
        var runner = Path.Combine(AppContext.BaseDirectory, "run-workshops.dll");
        string[] run = [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", runner, "notebooks/01-rfm-sql-prep.ipynb", "--out", output];
        // Under CI's loopback-only the whole test run is watched already: run the notebook, and that watch judges it.
        // The notebook's #r restore reads the package cache as its only feed, with NuGet's audit (which asks the feed) off.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                       Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var quiet = new Dictionary<string, string> { ["NuGetAudit"] = "false", ["RestoreSources"] = packages };
        var result = AlreadyWatched() ? InfraPaths.Run(run[0], run[1..], environment: quiet) : InfraPaths.Run(Script, ["--log", log, .. run], environment: quiet);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "charts"), "*.png", SearchOption.AllDirectories));
        if (!AlreadyWatched()) Assert.Contains("nothing left 127.0.0.1", result.Output);
        RunnerTestSupport.DeleteQuietly(output);
    }

    [Fact]
    public void A_process_a_step_leaves_running_is_named_and_stopped()
    {
        // A daemon (its own session, re-parented away from the command) is what held CI's strace until the time limit.
        var marker = "leftover-" + Guid.NewGuid().ToString("N")[..8];
        var run = InfraPaths.Run("python3", [Leftovers, "--grace", "1", "bash", "-c", $"setsid bash -c 'exec -a {marker} sleep 300' & echo started"]);

        Assert.True(run.ExitCode == 0, run.ToString()); // the step's own exit code
        Assert.Contains("leftovers: 1 process(es) still running 1 s after", run.Output);
        Assert.Contains(marker, run.Output);
        Assert.DoesNotContain(Directory.GetDirectories("/proc"), d => File.Exists(Path.Combine(d, "cmdline")) && ReadQuietly(Path.Combine(d, "cmdline")).Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_that_leaves_nothing_running_keeps_its_exit_code()
    {
        Assert.Equal(0, InfraPaths.Run("python3", [Leftovers, "--grace", "1", "bash", "-c", "sleep 0.2 & wait"]).ExitCode);
        Assert.Equal(7, InfraPaths.Run("python3", [Leftovers, "--grace", "1", "bash", "-c", "exit 7"]).ExitCode);
    }

    private static string Leftovers => Path.Combine(RepositoryPaths.Root, ".ci", "leftovers.py");

    private static string ReadQuietly(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private static InfraPaths.Result Check(string log)
    {
        var file = Path.Combine(RunnerTestSupport.NewTempDirectory(), "strace.log");
        File.WriteAllText(file, log.Replace("\r\n", "\n"));
        return InfraPaths.Run("python3", [Checker, file]);
    }

    /// <summary>True when this process is traced by .ci/loopback-only (it sets LOOPBACK_ONLY_LOG before strace).</summary>
    private static bool AlreadyWatched()
    {
        var tracer = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("TracerPid:", StringComparison.Ordinal));
        bool traced = tracer is not null && tracer.Split(':')[1].Trim() != "0";
        if (traced) Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("LOOPBACK_ONLY_LOG")),
            "This test process is traced, but not by .ci/loopback-only (LOOPBACK_ONLY_LOG is not set).");
        return traced;
    }

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex JsStrings();
}

/// <summary>A test that needs strace (and root, for a loopback-only network namespace): skipped only when strace
/// is missing and ALLOW_NO_STRACE=1.</summary>
public sealed class StraceFactAttribute : FactAttribute
{
    public StraceFactAttribute()
    {
        if (InfraPaths.OnPath("strace") is null && InfraTools.Allowed("ALLOW_NO_STRACE"))
            Skip = "strace not found: install it (`apt-get install strace`) or run the tests in `.ci/debian13`.";
    }
}

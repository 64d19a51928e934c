using System.Diagnostics;
using CustomerAnalytics.Charts;
using CustomerAnalytics.Hosting;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;

namespace CustomerAnalytics.Tests.Charts;

/// <summary>A process that dies without cleaning up must not leave chromium or its profile behind.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ChromiumLifetimeTests
{
    /// <summary>Pids of processes whose command line or environment (TMPDIR) names <paramref name="profile"/>.</summary>
    private static List<int> ProcessesUsing(string profile)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                var environ = File.ReadAllText(Path.Combine(dir, "environ"));
                if (cmdline.Contains(profile, StringComparison.Ordinal) || environ.Contains(profile, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* exited meanwhile */ }
        }
        return found;
    }

    [Fact]
    public async Task ChromiumDiesWithAKilledOwnerAndItsProfileIsRemovedAtTheNextStart()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc is how the test finds chromium's processes
        var chromium = RequireChromium();
        if (chromium is null) return;
        // The owner stands in for a kernel or runner that exported a PNG and is then killed with SIGKILL.
        using var owner = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var session = await ChromiumSession.StartAsync(chromium, TimeSpan.FromSeconds(60), owner.Id);
        try
        {
            var png = await session.RenderPngAsync(ChartHtml.FigureJson(BarChart()), 120, 80, 1, TimeSpan.FromSeconds(30));
            Assert.True(PngImage.HasSignature(png));
            var profile = session.ProfilePath;
            Assert.NotEmpty(ProcessesUsing(profile).Where(pid => pid != owner.Id));

            owner.Kill(); // SIGKILL: no exit handler runs
            var clock = Stopwatch.StartNew();
            while (ProcessesUsing(profile).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(200);

            Assert.Empty(ProcessesUsing(profile));
            // The folder is left, as after a crash, unless a chromium another test started meanwhile already removed it
            // (every start removes the profiles of dead owners): gone after the next start either way.
            var leftBehind = Directory.Exists(profile);
            var removed = ChromiumProfiles.RemoveStale(Path.GetTempPath(), ProcessLiveness.IsAlive);
            if (leftBehind) Assert.Contains(profile, removed);
            Assert.False(Directory.Exists(profile));
        }
        finally
        {
            session.Kill();
            if (!owner.HasExited) owner.Kill();
        }
    }

    /// <summary>A notebook that exports a PNG through the public API, says so, and then hangs until it is killed.</summary>
    private static string HangingExportNotebook(string folder)
    {
        var bin = AppContext.BaseDirectory;
        string Code(string source) => System.Text.Json.JsonSerializer.Serialize(new { cell_type = "code", metadata = new { }, source, outputs = Array.Empty<object>(), execution_count = (int?)null });
        var cells = new[]
        {
            Code($"#r \"{Path.Combine(bin, "Plotly.NET.dll")}\"\n#r \"{Path.Combine(bin, "Plotly.NET.CSharp.dll")}\"\n#r \"{Path.Combine(bin, "CustomerAnalytics.dll")}\"\n#r \"{Path.Combine(bin, "CustomerAnalytics.Hosting.dll")}\""),
            Code("var chart = Plotly.NET.CSharp.Chart.Column<int, string, string>(values: new[] { 1, 3, 2 }, Keys: new[] { \"a\", \"b\", \"c\" });\n" +
                 $"var result = new CustomerAnalytics.Hosting.PngExporter().Save(chart, @\"{Path.Combine(folder, "x.png")}\", 120, 80);\n" +
                 $"System.IO.File.WriteAllText(@\"{Path.Combine(folder, "exported")}\", result.Message);\n" +
                 "System.Threading.Thread.Sleep(300_000);"),
        };
        var path = Path.Combine(folder, "hang.ipynb");
        File.WriteAllText(path, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \".net-csharp\", \"language\": \"C#\", \"display_name\": \".NET (C#)\"}}, \"cells\": [" + string.Join(",", cells) + "]}");
        return path;
    }

    [Fact]
    public async Task ARunnerKilledAfterExportingAPngLeavesNoChromium()
    {
        if (!OperatingSystem.IsLinux() || RequireChromium() is null) return;
        using var temp = new TempFolder();
        var runner = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "CustomerAnalytics.Runner",
            Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)), "run-workshops.dll"));
        Assert.True(File.Exists(runner), runner);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { runner, HangingExportNotebook(temp.FullName), "--out", temp.File("out") }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var output = new System.Text.StringBuilder(); // the runner's own account, for a failure message
        child.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        child.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(temp.File("exported")) && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(250);
            Assert.True(File.Exists(temp.File("exported")), $"the child did not export its PNG within {clock.Elapsed.TotalSeconds:0} s (exited: {child.HasExited}); its output:\n{output}");
            Assert.StartsWith("Wrote", File.ReadAllText(temp.File("exported")));
            var profile = Assert.Single(Directory.EnumerateDirectories(Path.GetTempPath(), ChromiumProfiles.Prefix + "*"),
                d => File.Exists(Path.Combine(d, ChromiumProfiles.OwnerFile)) && File.ReadAllText(Path.Combine(d, ChromiumProfiles.OwnerFile)) == child.Id.ToString());
            Assert.NotEmpty(ProcessesUsing(profile));

            child.Kill(); // SIGKILL, as a crash or `kill -9` would
            clock.Restart();
            while (ProcessesUsing(profile).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(200);
            Assert.Empty(ProcessesUsing(profile));
            var leftBehind = Directory.Exists(profile); // unless another test's chromium start removed it meanwhile
            var removed = ChromiumProfiles.RemoveStale(Path.GetTempPath(), ProcessLiveness.IsAlive);
            if (leftBehind) Assert.Contains(profile, removed);
            Assert.False(Directory.Exists(profile));
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void OnlyProfilesOfDeadOwnersAreRemoved()
    {
        using var temp = new TempFolder();
        string Profile(string name, string? owner)
        {
            var path = Directory.CreateDirectory(temp.File(ChromiumProfiles.Prefix + name)).FullName;
            if (owner is not null) File.WriteAllText(Path.Combine(path, ChromiumProfiles.OwnerFile), owner);
            return path;
        }
        var dead = Profile("dead", "4000001");
        var alive = Profile("alive", "4000002");
        var mine = Profile("mine", Environment.ProcessId.ToString());
        var fresh = Profile("fresh-without-owner", null);
        var other = Directory.CreateDirectory(temp.File("not-a-profile")).FullName;

        var removed = ChromiumProfiles.RemoveStale(temp.FullName, pid => pid == 4000002);

        Assert.Equal([dead], removed);
        Assert.All(new[] { alive, mine, fresh, other }, p => Assert.True(Directory.Exists(p), p));
    }

    [Fact]
    public async Task ANewSessionWritesItsOwnerIntoItsProfile()
    {
        var chromium = RequireChromium();
        if (chromium is null) return;
        var session = await ChromiumSession.StartAsync(chromium, TimeSpan.FromSeconds(60));
        try
        {
            Assert.StartsWith(ChromiumProfiles.Prefix, Path.GetFileName(session.ProfilePath));
            Assert.Equal(Environment.ProcessId.ToString(), File.ReadAllText(Path.Combine(session.ProfilePath, ChromiumProfiles.OwnerFile)));
            // Chromium's crash database (and its crash handlers' command lines) are in the profile, not in ~/.config.
            if (OperatingSystem.IsLinux())
                Assert.True(Directory.Exists(Path.Combine(session.ProfilePath, "chromium", "Crash Reports")), "no crash database in the profile");
        }
        finally { await session.DisposeAsync(); }
        Assert.False(Directory.Exists(session.ProfilePath));
        if (!OperatingSystem.IsLinux()) return;
        var clock = Stopwatch.StartNew(); // the crash handlers end with the browser
        while (ProcessesUsing(session.ProfilePath).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(200);
        Assert.Empty(ProcessesUsing(session.ProfilePath));
    }
}

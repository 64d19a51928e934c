using System.Diagnostics;
using CustomerAnalytics.Charts;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;

namespace CustomerAnalytics.Tests.Charts;

/// <summary>A process that dies without cleaning up must not leave chromium or its profile behind.</summary>
[Collection(ChartsCollection.Name)]
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
            Assert.True(Directory.Exists(profile), "nobody cleaned up: the folder is left, as after a crash");
            var removed = ChromiumProfiles.RemoveStale(Path.GetTempPath(), ChromiumProfiles.IsAlive);
            Assert.Contains(profile, removed);
            Assert.False(Directory.Exists(profile));
        }
        finally
        {
            session.Kill();
            if (!owner.HasExited) owner.Kill();
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
        }
        finally { await session.DisposeAsync(); }
        Assert.False(Directory.Exists(session.ProfilePath));
    }
}

using CustomerAnalytics.Charts;
using System.Diagnostics;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// Starts chromium so that it cannot outlive the process that uses it. PuppeteerSharp cannot set
/// <c>PR_SET_PDEATHSIG</c> for it, and a killed kernel or runner runs no exit handler, so on Linux and
/// macOS chromium runs under a small <c>/bin/sh</c> watchdog: it starts chromium in its own process
/// group (<c>setsid</c> where available), polls the owner's pid twice a second, and when the owner is
/// gone terminates the whole group (renderers and zygote included). Chromium's stderr and exit code
/// pass through unchanged. On Windows chromium is started directly.
/// </summary>
internal static class ChromiumWatchdog
{
    // $1: pid to watch; the rest: the chromium command line.
    internal const string Script =
        "owner=$1; shift\n" +
        "if command -v setsid >/dev/null 2>&1; then setsid \"$@\" & else \"$@\" & fi\n" +
        "browser=$!\n" +
        "stop() { kill -TERM -- -\"$browser\" 2>/dev/null || kill -TERM \"$browser\" 2>/dev/null; sleep 1; " +
        "kill -KILL -- -\"$browser\" 2>/dev/null || kill -KILL \"$browser\" 2>/dev/null; }\n" +
        "trap 'stop; exit 143' TERM HUP INT\n" +
        "while kill -0 \"$owner\" 2>/dev/null && kill -0 \"$browser\" 2>/dev/null; do sleep 0.5; done\n" +
        "if kill -0 \"$browser\" 2>/dev/null; then stop; fi\n" +
        "wait \"$browser\"\n";

    /// <summary>True where the watchdog can run (a POSIX shell at /bin/sh).</summary>
    public static bool Available => !OperatingSystem.IsWindows() && File.Exists("/bin/sh");

    /// <summary>How to start <paramref name="chromiumPath"/> with <paramref name="arguments"/> tied to <paramref name="ownerPid"/>.</summary>
    public static ProcessStartInfo StartInfo(string chromiumPath, IEnumerable<string> arguments, int ownerPid)
    {
        if (!Available)
        {
            var direct = new ProcessStartInfo(chromiumPath);
            foreach (var a in arguments) direct.ArgumentList.Add(a);
            return direct;
        }
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add("ca-chromium-watchdog"); // $0
        start.ArgumentList.Add(ownerPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(chromiumPath);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return start;
    }
}

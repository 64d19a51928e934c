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
/// <remarks>
/// Chromium also starts two <c>chrome_crashpad_handler</c> daemons in sessions of their own, out of the group's
/// reach; they normally exit with the browser, but one can outlive a browser killed early, holding the pipes of the
/// process that started it. The session points chromium's crash database into its profile (XDG_CONFIG_HOME), so
/// when the browser is gone, for whatever reason, the watchdog stops the handlers whose database is in that profile.
/// </remarks>
internal static class ChromiumWatchdog
{
    // $1: pid to watch; $2: the profile (its crash handlers are stopped at the end, "" for none); the rest: chromium's command line.
    internal const string Script =
        "owner=$1; profile=$2; shift 2\n" +
        "if command -v setsid >/dev/null 2>&1; then setsid \"$@\" & else \"$@\" & fi\n" +
        "browser=$!\n" +
        "stop() { kill -TERM -- -\"$browser\" 2>/dev/null || kill -TERM \"$browser\" 2>/dev/null; sleep 1; " +
        "kill -KILL -- -\"$browser\" 2>/dev/null || kill -KILL \"$browser\" 2>/dev/null; }\n" +
        "handlers() { if [ -n \"$profile\" ] && command -v pkill >/dev/null 2>&1; then pkill -KILL -f -- \"--database=$profile/\" 2>/dev/null; fi; }\n" +
        "trap 'stop; handlers; exit 143' TERM HUP INT\n" +
        "while kill -0 \"$owner\" 2>/dev/null && kill -0 \"$browser\" 2>/dev/null; do sleep 0.5; done\n" +
        "if kill -0 \"$browser\" 2>/dev/null; then stop; fi\n" +
        "wait \"$browser\"; status=$?\n" +
        "handlers\n" +
        "exit $status\n";

    /// <summary>True where the watchdog can run (a POSIX shell at /bin/sh).</summary>
    public static bool Available => !OperatingSystem.IsWindows() && File.Exists("/bin/sh");

    /// <summary>How to start <paramref name="chromiumPath"/> with <paramref name="arguments"/> tied to <paramref name="ownerPid"/>;
    /// the crash handlers of a chromium whose crash database is under <paramref name="profile"/> are stopped with it.</summary>
    public static ProcessStartInfo StartInfo(string chromiumPath, IEnumerable<string> arguments, int ownerPid, string profile = "")
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
        start.ArgumentList.Add(profile);
        start.ArgumentList.Add(chromiumPath);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return start;
    }
}

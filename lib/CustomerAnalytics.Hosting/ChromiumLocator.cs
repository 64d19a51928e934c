using CustomerAnalytics.Charts;
namespace CustomerAnalytics.Hosting;

/// <summary>Finds a chromium (or Chrome) executable for PNG export.</summary>
public static class ChromiumLocator
{
    /// <summary>Where chromium or Chrome usually lives, tried in this order when no path is given.</summary>
    public static IReadOnlyList<string> StandardPaths { get; } =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/snap/bin/chromium",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    ];

    /// <summary>How to get a browser, quoted whenever a PNG export is skipped.</summary>
    public const string InstallHint =
        "Install chromium to export PNGs: Debian/Ubuntu `sudo apt-get install chromium` (older Ubuntu: `chromium-browser`), " +
        "macOS `brew install --cask chromium`, Windows: install Chrome. Or set " + WorkshopSettings.ChromiumVariable + " to a chromium/Chrome executable.";

    /// <summary>
    /// The browser to use: <paramref name="explicitPath"/> when given (the host's settings: CHROMIUM_PATH, read once by
    /// <see cref="WorkshopSettings.FromEnvironment"/>, or an option), else the first of <see cref="StandardPaths"/>
    /// that exists; null if none, and <paramref name="whyNot"/> says why and how to install one.
    /// </summary>
    public static string? Find(string? explicitPath, out string whyNot) => Find(explicitPath, File.Exists, StandardPaths, out whyNot);

    internal static string? Find(string? explicitPath, Func<string, bool> exists, IReadOnlyList<string> candidates, out string whyNot)
    {
        whyNot = "";
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (exists(explicitPath)) return explicitPath;
            whyNot = $"the chromium path given ({WorkshopSettings.ChromiumVariable} or the options) does not exist: {explicitPath}. {InstallHint}";
            return null;
        }
        var found = candidates.FirstOrDefault(exists);
        if (found is not null) return found;
        whyNot = $"no chromium found (looked in {string.Join(", ", candidates)}). {InstallHint}";
        return null;
    }
}

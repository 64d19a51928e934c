namespace CustomerAnalytics.Charts;

/// <summary>Finds a chromium (or Chrome) executable for PNG export.</summary>
public static class ChromiumLocator
{
    /// <summary>Environment variable naming the browser executable; it wins over the standard paths.</summary>
    public const string EnvironmentVariable = "CHROMIUM_PATH";

    /// <summary>Where chromium or Chrome usually lives, tried in this order after <see cref="EnvironmentVariable"/>.</summary>
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
        "macOS `brew install --cask chromium`, Windows: install Chrome. Or set CHROMIUM_PATH to a chromium/Chrome executable.";

    /// <summary>The browser to use: <c>CHROMIUM_PATH</c> if set, else the first of <see cref="StandardPaths"/> that exists; null if none.</summary>
    public static string? Find() => Find(null, out _);

    /// <summary>Like <see cref="Find()"/>, but an explicit path wins; <paramref name="whyNot"/> explains a null result.</summary>
    public static string? Find(string? explicitPath, out string whyNot) =>
        Find(explicitPath, Environment.GetEnvironmentVariable, File.Exists, StandardPaths, out whyNot);

    internal static string? Find(string? explicitPath, Func<string, string?> environment, Func<string, bool> exists,
        IReadOnlyList<string> candidates, out string whyNot)
    {
        whyNot = "";
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (exists(explicitPath)) return explicitPath;
            whyNot = $"the chromium path given in the options does not exist: {explicitPath}. {InstallHint}";
            return null;
        }
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (exists(fromEnvironment)) return fromEnvironment;
            whyNot = $"{EnvironmentVariable}={fromEnvironment} does not exist; ";
        }
        var found = candidates.FirstOrDefault(exists);
        if (found is not null) return found;
        whyNot += $"no chromium found (looked in {string.Join(", ", candidates)}). {InstallHint}";
        return null;
    }
}

using CustomerAnalytics.Hosting;

namespace CustomerAnalytics.Tests.Charts;

public sealed class ChromiumLocatorTests
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    // The explicit path is the host's setting (CHROMIUM_PATH, read once by WorkshopSettings.FromEnvironment) or an option.
    private static string? Find(string? explicitPath, HashSet<string> existing, out string whyNot) =>
        ChromiumLocator.Find(explicitPath, existing.Contains, Candidates, out whyNot);

    [Fact]
    public void TheGivenPathWinsOverStandardPaths()
    {
        Assert.Equal("/opt/chrome/chrome", Find("/opt/chrome/chrome", ["/opt/chrome/chrome", "/usr/bin/chromium"], out _));
    }

    [Fact]
    public void StandardPathsAreTriedInOrder()
    {
        Assert.Equal("/usr/bin/chromium-browser", Find(null, ["/usr/bin/google-chrome", "/usr/bin/chromium-browser"], out _));
    }

    [Fact]
    public void ExplicitPathWinsAndIsNotSilentlyReplaced()
    {
        Assert.Equal("/x/chromium", Find("/x/chromium", ["/x/chromium", "/usr/bin/chromium"], out _));
        Assert.Null(Find("/missing/chromium", ["/usr/bin/chromium"], out var whyNot));
        Assert.Contains("/missing/chromium", whyNot);
    }

    [Fact]
    public void NothingFoundExplainsWhereItLookedAndHowToInstall()
    {
        Assert.Null(Find(null, [], out var whyNot));
        Assert.Contains("/usr/bin/chromium-browser", whyNot);
        Assert.Contains("sudo apt-get install chromium", whyNot);
    }
}

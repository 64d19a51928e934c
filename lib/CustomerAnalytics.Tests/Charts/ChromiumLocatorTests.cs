using CustomerAnalytics.Charts;

namespace CustomerAnalytics.Tests.Charts;

public sealed class ChromiumLocatorTests
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private static string? Find(string? explicitPath, string? env, HashSet<string> existing, out string whyNot) =>
        ChromiumLocator.Find(explicitPath, name => name == "CHROMIUM_PATH" ? env : null, existing.Contains, Candidates, out whyNot);

    [Fact]
    public void EnvironmentVariableWinsOverStandardPaths()
    {
        Assert.Equal("/opt/chrome/chrome", Find(null, "/opt/chrome/chrome", ["/opt/chrome/chrome", "/usr/bin/chromium"], out _));
    }

    [Fact]
    public void StandardPathsAreTriedInOrder()
    {
        Assert.Equal("/usr/bin/chromium-browser", Find(null, null, ["/usr/bin/google-chrome", "/usr/bin/chromium-browser"], out _));
    }

    [Fact]
    public void ExplicitPathWinsAndIsNotSilentlyReplaced()
    {
        Assert.Equal("/x/chromium", Find("/x/chromium", "/usr/bin/chromium", ["/x/chromium", "/usr/bin/chromium"], out _));
        Assert.Null(Find("/missing/chromium", null, ["/usr/bin/chromium"], out var whyNot));
        Assert.Contains("/missing/chromium", whyNot);
    }

    [Fact]
    public void NothingFoundExplainsWhereItLookedAndHowToInstall()
    {
        Assert.Null(Find(null, "/bad/env/path", [], out var whyNot));
        Assert.Contains("CHROMIUM_PATH=/bad/env/path does not exist", whyNot);
        Assert.Contains("/usr/bin/chromium-browser", whyNot);
        Assert.Contains("sudo apt-get install chromium", whyNot);
    }

    [Fact]
    public void EnvironmentPathThatDoesNotExistFallsBackToStandardPaths()
    {
        Assert.Equal("/usr/bin/chromium", Find(null, "/bad/env/path", ["/usr/bin/chromium"], out _));
    }
}

using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// Settings are read once (DESIGN.md, "Hosts own the context"): in the runtime library only
/// <c>WorkshopSettings.FromEnvironment</c> reads the environment; everything else gets its values from a <see cref="Workshop"/>.
/// </summary>
public sealed partial class EnvironmentReadTests
{
    [GeneratedRegex(@"\bEnvironment\s*\.\s*(GetEnvironmentVariable|GetEnvironmentVariables|ExpandEnvironmentVariables)\b")]
    private static partial Regex EnvironmentRead();

    private static readonly string Allowed = Path.Combine("lib", "CustomerAnalytics", "WorkshopSettings.cs");

    [Fact]
    public void Only_WorkshopSettings_reads_the_environment_in_the_runtime_library()
    {
        var sources = LayeringTests.Runtime
            .Select(a => Path.Combine(RepositoryPaths.Root, "lib", a.GetName().Name!))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        Assert.True(sources.Length > 50, $"found only {sources.Length} runtime sources: is the scan looking in the right folders?");

        var readers = sources.Where(f => EnvironmentRead().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal([Allowed], readers);
    }

    [Theory]
    [InlineData("var x = Environment.GetEnvironmentVariable(\"AWS_REGION\");", true)]
    [InlineData("System.Environment .GetEnvironmentVariables()", true)]
    [InlineData("var user = Environment.UserName;", false)]
    [InlineData("// reads WorkshopSettings.RegionVariable", false)]
    public void The_scan_sees_an_environment_read(string line, bool read) => Assert.Equal(read, EnvironmentRead().IsMatch(line));
}

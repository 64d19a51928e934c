using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>What every committed notebook must look like (DESIGN.md conventions).</summary>
public partial class NotebookConventionTests
{
    public static TheoryData<string> NotebookNames()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Order()) data.Add(Path.GetFileName(path));
        return data;
    }

    private static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name))).RootElement;

    private static IEnumerable<JsonElement> Cells(JsonElement notebook, string type) =>
        notebook.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == type);

    private static string Source(JsonElement cell) => cell.GetProperty("source").ValueKind == JsonValueKind.Array
        ? string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString()))
        : cell.GetProperty("source").GetString() ?? "";

    [Fact]
    public void ThereAreNotebooks() => Assert.NotEmpty(NotebookNames());

    [Theory, MemberData(nameof(NotebookNames))]
    public void CommittedWithoutOutputs(string name)
    {
        foreach (var cell in Cells(Load(name), "code"))
        {
            Assert.Equal(0, cell.GetProperty("outputs").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void UsesTheCSharpKernel(string name)
    {
        var kernelspec = Load(name).GetProperty("metadata").GetProperty("kernelspec");
        Assert.Equal(".net-csharp", kernelspec.GetProperty("name").GetString());
        Assert.Equal("C#", kernelspec.GetProperty("language").GetString());
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void NuGetReferencesMatchDirectoryPackagesProps(string name)
    {
        var pinned = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var references = Cells(Load(name), "code").SelectMany(c => NuGetReference().Matches(Source(c))).ToArray();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var (package, version) = (reference.Groups["id"].Value, reference.Groups["version"].Value);
            Assert.True(pinned.TryGetValue(package, out var expected), $"{name}: {package} is not in Directory.Packages.props");
            Assert.True(expected == version, $"{name}: {package} {version}, but Directory.Packages.props pins {expected}");
        }
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void EveryCodeCellFollowsMarkdownThatExplainsIt(string name)
    {
        var previous = "";
        var index = 0;
        foreach (var cell in Load(name).GetProperty("cells").EnumerateArray())
        {
            index++;
            var type = cell.GetProperty("cell_type").GetString()!;
            if (type == "code" && previous != "markdown" && !IsInjectedOrExercise(cell))
                Assert.Fail($"{name}: code cell {index} has no markdown cell before it.");
            previous = type;
        }
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void CodeCellsStayShort(string name)
    {
        var index = 0;
        foreach (var cell in Load(name).GetProperty("cells").EnumerateArray())
        {
            index++;
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            // Package references and usings are declarations, not logic: they do not count.
            var lines = Source(cell).Split('\n').Select(l => l.Trim())
                .Count(l => l.Length > 0 && !l.StartsWith("#r ", StringComparison.Ordinal) && !l.StartsWith("using ", StringComparison.Ordinal));
            Assert.True(lines <= 16, $"{name}: code cell {index} has {lines} lines; move the loop into the library.");
        }
    }

    // A solution cell may follow its exercise cell directly.
    private static bool IsInjectedOrExercise(JsonElement cell) =>
        cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("tags", out var tags) &&
        tags.EnumerateArray().Any(t => t.GetString() is "solution" or "injected-parameters");

    [GeneratedRegex(@"#r\s+""nuget:\s*(?<id>[^,""\s]+)\s*,\s*(?<version>[^""\s]+)\s*""")]
    private static partial Regex NuGetReference();
}

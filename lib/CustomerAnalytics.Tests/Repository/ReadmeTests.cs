namespace CustomerAnalytics.Tests.Repository;

/// <summary>The README's two commands are the ones CI runs, and everything the README points to exists.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
    private static readonly string Ci = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run"));

    [Theory]
    [InlineData("dotnet test")]
    [InlineData("dotnet run --project lib/CustomerAnalytics.Runner")]
    public void CiRunsTheReadmeCommand(string command)
    {
        Assert.Contains("\n" + command + "\n", Readme.Replace("\r\n", "\n"));
        // In the Debian 13 environment, watched by the loopback check (nothing may leave 127.0.0.1), within a time limit.
        Assert.Matches(@"\n\.ci/debian13 \.ci/loopback-only --log \S+ --timeout \d+ " + System.Text.RegularExpressions.Regex.Escape(command) + "( |\n)", Ci);
    }

    [Fact]
    public void EveryNotebookIsInTheReadmeTable()
    {
        foreach (var notebook in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb"))
            Assert.Contains($"(notebooks/{Path.GetFileName(notebook)})", Readme);
    }

    [Fact]
    public void LinkedFilesExist()
    {
        foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(Readme, @"\]\((?!https?:)([^)#]+)\)"))
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, link.Groups[1].Value)) || Directory.Exists(Path.Combine(RepositoryPaths.Root, link.Groups[1].Value)),
                $"README links to {link.Groups[1].Value}, which does not exist");
    }

    [Fact]
    public void ShownImagesExistAndEveryWorkshopShowsOne()
    {
        var sources = System.Text.RegularExpressions.Regex.Matches(Readme, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(sources, src => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, src)), $"README shows {src}, which does not exist"));
        foreach (var notebook in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb"))
            Assert.Contains(sources, src => src.StartsWith($"images/{Path.GetFileNameWithoutExtension(notebook)}/"));
    }

    [Fact]
    public void EveryBenchmarkIsInTheReadmeTable()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics.Benchmarks");
        var names = Directory.GetFiles(folder, "*.cs")
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "string Name => \"([^\"]+)\""))
            .Select(m => m.Groups[1].Value).ToArray();
        Assert.True(names.Length >= 5, $"found only {names.Length} benchmarks in {folder}");
        foreach (var name in names)
            Assert.Contains($"| `{name}` |", Readme);
    }

    [Fact]
    public void ToolManifestPinsTheKernel()
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".config", "dotnet-tools.json"));
        Assert.Contains("\"microsoft.dotnet-interactive\"", manifest);
        Assert.Contains("\"version\": \"1.0.712001\"", manifest);
    }
}

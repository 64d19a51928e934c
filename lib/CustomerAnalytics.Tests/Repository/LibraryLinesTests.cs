using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// The README states how much library each notebook loads: the non-blank lines of the <c>.cs</c> files (comments
/// included; <c>obj/</c> and <c>bin/</c> left out) of every project its code cells reference with
/// <c>#r "../artifacts/bin/P/debug/P.dll"</c>, summed, to the nearest hundred. This test counts them again.
/// </summary>
public sealed partial class LibraryLinesTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public void The_readme_states_the_lines_each_notebook_loads()
    {
        var expected = Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal).Select(Row).ToArray();
        Assert.NotEmpty(expected);
        var stale = expected.Where(row => !Readme.Contains(row, StringComparison.Ordinal)).ToArray();
        Assert.True(stale.Length == 0, "Update the README's table of lines loaded; these rows are now:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Lines_are_the_non_blank_lines_of_the_projects_cs_files()
    {
        var folder = Directory.CreateTempSubdirectory("lines-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "Sub"));
            Directory.CreateDirectory(Path.Combine(folder, "obj"));
            File.WriteAllText(Path.Combine(folder, "A.cs"), "// one\n\nclass A\n{\n   \n}\n");
            File.WriteAllText(Path.Combine(folder, "Sub", "B.cs"), "class B { }");
            File.WriteAllText(Path.Combine(folder, "obj", "Generated.cs"), "class G { }\n");
            File.WriteAllText(Path.Combine(folder, "notes.md"), "not code\n");
            Assert.Equal(5, Lines(folder));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>The README row of one notebook: name, the projects it loads, and their lines to the nearest hundred.</summary>
    private static string Row(string notebookPath)
    {
        var projects = Loaded(notebookPath);
        Assert.NotEmpty(projects);
        var lines = projects.Sum(p => Lines(Path.Combine(RepositoryPaths.Root, "lib", p)));
        var rounded = (int)Math.Round(lines / 100.0, MidpointRounding.AwayFromZero) * 100;
        return $"| `{Path.GetFileNameWithoutExtension(notebookPath)}` | {string.Join(", ", projects.Select(p => $"`{p}`"))} | {rounded.ToString("N0", CultureInfo.InvariantCulture)} |";
    }

    /// <summary>The library projects a notebook's code cells load, the core first, then by name.</summary>
    private static string[] Loaded(string notebookPath)
    {
        var code = string.Join("\n", JsonDocument.Parse(File.ReadAllText(notebookPath)).RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => c.GetProperty("source").EnumerateArray().Select(l => l.GetString())));
        return LibraryReference().Matches(code).Select(m => m.Groups[1].Value).Distinct()
            .OrderBy(p => p == "CustomerAnalytics" ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Non-blank lines of the <c>.cs</c> files under <paramref name="project"/>, <c>obj/</c> and <c>bin/</c> left out.</summary>
    private static int Lines(string project)
    {
        Assert.True(Directory.Exists(project), $"no project folder {project}");
        return Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(project, f).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Sum(f => File.ReadLines(f).Count(line => !string.IsNullOrWhiteSpace(line)));
    }

    [GeneratedRegex(@"#r ""\.\./artifacts/bin/([\w.]+)/debug/\1\.dll""")]
    private static partial Regex LibraryReference();
}

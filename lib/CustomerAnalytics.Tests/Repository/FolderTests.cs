using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>Folder names equal namespace names: a file's namespace is its project's root namespace plus its folder path.</summary>
public sealed partial class FolderTests
{
    [Fact]
    public void Every_source_files_namespace_is_its_folder()
    {
        var lib = Path.Combine(RepositoryPaths.Root, "lib");
        var wrong = new List<string>();
        foreach (var project in Directory.GetFiles(lib, "*.csproj", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(project)!;
            var root = XDocument.Load(project).Descendants("RootNamespace").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
            foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!).Replace('\\', '/');
                if (relative.Split('/')[0] is "obj" or "bin") continue;
                var expected = relative == "." ? root : root + "." + relative.Replace('/', '.');
                var declared = Namespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct().ToArray();
                if (declared.Length == 0 && Path.GetFileName(file) == "Program.cs") continue; // top-level statements
                if (declared.Length != 1 || declared[0] != expected)
                    wrong.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: namespace {string.Join(", ", declared)}, folder says {expected}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} files whose namespace is not their folder (move the file or change its namespace):\n" + string.Join("\n", wrong));
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}

using System.Text.RegularExpressions;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Training;

/// <summary>
/// The source of one type of the workshop library, read from its file under <c>lib/&lt;its project&gt;</c> when the
/// notebook runs, so what the notebook shows is always the code it runs (it cannot drift). The listing starts at the
/// type's <c>///</c> comment and ends at its closing brace; it renders as a code block headed by the file's path.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SourceListing(string File, string TypeName, string Code) : IHtmlRenderable
{
    /// <summary>The source of <paramref name="type"/> in the repository at <paramref name="root"/> (e.g. <c>workshop.Root</c>).</summary>
    public static SourceListing Of(string root, Type type)
    {
        var library = Path.Combine(root, "lib", type.Assembly.GetName().Name!);
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
        var declaration = new Regex($@"^public (sealed |abstract |static |partial )*(class|record|struct|interface) {Regex.Escape(name)}\b");
        string[] files = Directory.Exists(library) ? [.. Directory.GetFiles(library, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
        foreach (var file in files)
        {
            var lines = System.IO.File.ReadAllLines(file);
            var start = Array.FindIndex(lines, l => declaration.IsMatch(l));
            if (start < 0) continue;
            while (start > 0 && (lines[start - 1].StartsWith("///", StringComparison.Ordinal) || lines[start - 1].StartsWith('['))) start--;
            var end = Array.FindIndex(lines, start, l => l == "}");
            var code = string.Join("\n", lines[start..(end < 0 ? lines.Length : end + 1)]);
            return new SourceListing(Path.GetRelativePath(root, file).Replace('\\', '/'), name, code);
        }
        throw new SourceNotFoundException($"No declaration of {name} in {library}: the listing reads the library's source, so run the notebook from a clone of the repository.");
    }

    /// <inheritdoc />
    public override string ToString() => $"// {File}\n{Code}";

    /// <inheritdoc />
    public string ToHtml() =>
        $"<div class=\"source-listing\"><b>{Html.Encode(File)}</b><pre><code class=\"language-csharp\">{Html.Encode(Code)}</code></pre></div>";
}

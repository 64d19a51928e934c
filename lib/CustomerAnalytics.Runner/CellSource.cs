using Microsoft.DotNet.Interactive.Documents;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Reads what a code cell means to the runner: which kernel it targets, the C# to submit, and a short preview.
/// Polyglot Notebooks may start a cell with a kernel selector line such as <c>#!csharp</c>; a standalone
/// C# kernel does not understand that line, so it is stripped, and a selector for another language marks
/// the cell as not C#.
/// </summary>
public static class CellSource
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#" };

    // Kernel selectors Polyglot Notebooks writes; other "#!" lines are magic commands left to the kernel.
    private static readonly HashSet<string> OtherKernelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid",
        "markdown", "md", "value", "http", "python", "r",
    };

    /// <summary>The kernel a code cell targets: a <c>#!name</c> first line wins over the cell metadata.</summary>
    public static string KernelName(InteractiveDocumentElement cell)
    {
        var selector = Selector(cell.Contents);
        if (selector is not null && CSharpNames.Contains(selector)) return "csharp";
        if (selector is not null && OtherKernelNames.Contains(selector)) return selector.ToLowerInvariant();
        return CSharpNames.Contains(cell.KernelName ?? "csharp") ? "csharp" : cell.KernelName!;
    }

    /// <summary>The code to submit: the cell without a leading <c>#!csharp</c> selector line.</summary>
    public static string Code(InteractiveDocumentElement cell)
    {
        var contents = cell.Contents ?? "";
        var selector = Selector(contents);
        if (selector is null || !CSharpNames.Contains(selector)) return contents;
        var newline = contents.IndexOf('\n');
        // Keep an empty line in its place so compiler line numbers still match the cell.
        return newline < 0 ? "" : "\n" + contents[(newline + 1)..];
    }

    /// <summary>The first <paramref name="lines"/> non-empty lines of the cell, for error messages.</summary>
    public static string Preview(string code, int lines = 3)
    {
        var all = code.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var shown = all.Take(lines).Select(l => "    " + l.TrimEnd());
        return string.Join(Environment.NewLine, shown) + (all.Count > lines ? Environment.NewLine + "    ..." : "");
    }

    /// <summary>The first non-empty line, shortened, for the one-line progress log.</summary>
    public static string Headline(string code, int width = 70)
    {
        var line = code.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= width ? line : line[..(width - 3)] + "...";
    }

    private static string? Selector(string? contents)
    {
        if (contents is null || !contents.StartsWith("#!", StringComparison.Ordinal)) return null;
        var end = contents.IndexOfAny([' ', '\t', '\r', '\n']);
        return end < 0 ? contents[2..] : contents[2..end];
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Writes the SQL steps a notebook teaches to the library's <c>.sql</c> resources, so the notebook's cells are the one
/// source of the SQL that the library, the other workshops, the benchmarks and the cross-engine tests run. A code cell
/// tagged <c>sql:Pipeline/name</c> (e.g. <c>sql:Rfm/01_transactions</c>) holds one raw string literal: the statement,
/// or one part of it; cells with the same tag are joined in notebook order with a line break (the cell that runs the
/// step joins its variables the same way). The file is lib/CustomerAnalytics/Sql/Pipeline/name.sql, its first line
/// saying where it comes from.
/// </summary>
public static class SqlStepGenerator
{
    /// <summary>The tag prefix that marks a cell holding (part of) a library SQL step.</summary>
    public const string TagPrefix = "sql:";

    private static readonly CSharpParseOptions Script = new(kind: SourceCodeKind.Script);

    /// <summary>One generated file: its path relative to the repository root and its text.</summary>
    public sealed record SqlFile(string RelativePath, string Text);

    /// <summary>The SQL files <paramref name="notebook"/>'s tagged cells generate, in notebook order of their first cell.</summary>
    /// <exception cref="NotebookFormatException">A tagged cell holds no raw string literal, or more than one, or a bad tag.</exception>
    public static IReadOnlyList<SqlFile> Generate(LoadedNotebook notebook)
    {
        var cells = notebook.Json.GetProperty("cells").EnumerateArray().ToArray();
        var parts = new List<(string Step, string CellId, string Sql)>();
        for (int i = 0; i < cells.Length; i++)
        {
            if (notebook.CellTypes[i] != "code") continue;
            foreach (var step in StepTags(cells[i]))
            {
                if (!System.Text.RegularExpressions.Regex.IsMatch(step, @"^[A-Za-z]+/\w+$"))
                    throw new NotebookFormatException($"{notebook.Name}, cell {i + 1}: the tag '{TagPrefix}{step}' should name a step as Pipeline/name, e.g. '{TagPrefix}Rfm/01_transactions'.");
                var id = cells[i].TryGetProperty("id", out var idElement) ? idElement.GetString() ?? $"{i + 1}" : $"{i + 1}";
                parts.Add((step, id, RawString(notebook, i, CellSource.Code(notebook.Document.Elements[i]))));
            }
        }
        return parts.GroupBy(p => p.Step).Select(g => new SqlFile(
            Path.Combine("lib", "CustomerAnalytics", "Sql", g.Key + ".sql").Replace('\\', '/'),
            $"{CustomerAnalytics.Sql.SqlScript.GeneratedHeader}{notebook.Name}.ipynb {(g.Count() == 1 ? "cell" : "cells")} {string.Join(", ", g.Select(p => p.CellId))}; edit the notebook\n" +
            string.Join("\n", g.Select(p => p.Sql)) + "\n")).ToArray();
    }

    /// <summary>Writes the SQL files of every notebook into its repository; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<string> notebookPaths)
    {
        var written = new List<string>();
        foreach (var path in notebookPaths)
            foreach (var file in Generate(LoadedNotebook.Load(path)))
            {
                var full = Path.Combine(RepositoryRoot.Find(Path.GetDirectoryName(Path.GetFullPath(path))!), file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                AtomicFile.WriteAllText(full, file.Text);
                written.Add(full);
            }
        return written;
    }

    private static IEnumerable<string> StepTags(System.Text.Json.JsonElement cell) =>
        cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().Select(t => t.GetString() ?? "").Where(t => t.StartsWith(TagPrefix, StringComparison.Ordinal)).Select(t => t[TagPrefix.Length..])
            : [];

    // The value of the cell's one raw string literal, exactly as C# reads it (indentation of the closing quotes removed).
    private static string RawString(LoadedNotebook notebook, int index, string code)
    {
        var literals = CSharpSyntaxTree.ParseText(code, Script).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)).ToArray();
        if (literals.Length != 1)
            throw new NotebookFormatException($"{notebook.Name}, cell {index + 1}: a cell tagged '{TagPrefix}...' holds exactly one multi-line raw string (\"\"\" ... \"\"\"), the SQL; found {literals.Length}.");
        return literals[0].Token.ValueText.Replace("\r\n", "\n");
    }
}

using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace CustomerAnalytics.Runner;

/// <summary>
/// A notebook read from disk: the .NET Interactive document (one element per Jupyter cell, same order)
/// plus the facts the Documents model drops, such as raw cells and attachments.
/// </summary>
/// <param name="Path">Full path of the .ipynb file.</param>
/// <param name="Json">The file as parsed JSON, kept to restore what the Documents writer does not round-trip.</param>
/// <param name="Document">The parsed document; elements are Jupyter cells in order.</param>
public sealed record LoadedNotebook(string Path, JsonElement Json, InteractiveDocument Document)
{
    /// <summary>File name without extension, used for output folders and log prefixes.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Jupyter <c>cell_type</c> of each cell ("code", "markdown", "raw").</summary>
    public IReadOnlyList<string> CellTypes { get; } =
        Json.GetProperty("cells").EnumerateArray()
            .Select(c => c.TryGetProperty("cell_type", out var t) ? t.GetString() ?? "code" : "code").ToList();

    /// <summary>
    /// Why Jupyter would not start the .NET C# kernel for this notebook (kernelspec name <c>.net-csharp</c>, language
    /// <c>C#</c>, language_info name <c>C#</c>), or null when the metadata is right. The runner only warns: it runs C# anyway.
    /// </summary>
    public string? KernelspecProblem
    {
        get
        {
            string? Read(params string[] path)
            {
                var node = Json;
                foreach (var key in path)
                    if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node)) return null;
                return node.ValueKind == JsonValueKind.String ? node.GetString() : null;
            }

            var problems = new List<string>();
            if (Read("metadata", "kernelspec", "name") is var name && name != ".net-csharp") problems.Add($"kernelspec name is '{name}', expected '.net-csharp'");
            if (Read("metadata", "kernelspec", "language") is var language && language != "C#") problems.Add($"kernelspec language is '{language}', expected 'C#'");
            if (Read("metadata", "language_info", "name") is var info && info != "C#") problems.Add($"language_info name is '{info}', expected 'C#'");
            return problems.Count == 0 ? null : string.Join("; ", problems) + ". Jupyter would not start the .NET C# kernel; fix the notebook metadata.";
        }
    }

    /// <summary>Kernel names known to the parser. Only C# runs; the rest are recognised so they can be refused clearly.</summary>
    private static KernelInfoCollection KernelInfos()
    {
        var infos = new KernelInfoCollection { new KernelInfo("csharp", "C#", ["c#", "C#"]) };
        infos.DefaultKernelName = "csharp";
        return infos;
    }

    /// <summary>Reads and parses a notebook; throws <see cref="NotebookFormatException"/> naming the file and what is wrong.</summary>
    public static LoadedNotebook Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var text = File.ReadAllText(fullPath);
        JsonElement json;
        try
        {
            using var parsed = JsonDocument.Parse(text);
            json = parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // JsonException positions are zero-based; editors count from 1.
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new NotebookFormatException(
                $"{fullPath} is not valid JSON{where}: {FirstSentence(e.Message)} Fix the file (a merge conflict or a hand edit?) or restore it from git.", e);
        }

        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            throw new NotebookFormatException($"{fullPath} is JSON but not a Jupyter notebook: it has no \"cells\" array.");
        if (!json.TryGetProperty("nbformat", out var nbformat) || nbformat.ValueKind != JsonValueKind.Number || nbformat.GetInt32() != 4)
            throw new NotebookFormatException($"{fullPath} is not an nbformat 4 notebook (\"nbformat\": 4 is missing). Save it again from Jupyter or VS Code.");

        InteractiveDocument document;
        try
        {
            document = Notebook.Parse(text, KernelInfos());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new NotebookFormatException($"{fullPath} could not be read as a notebook: {e.Message}", e);
        }

        if (document.Elements.Count != cells.GetArrayLength())
            throw new NotebookFormatException(
                $"{fullPath}: the notebook has {cells.GetArrayLength()} cells but {document.Elements.Count} were understood; check each cell's \"cell_type\".");

        return new LoadedNotebook(fullPath, json, document);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Writes the executed copy of a notebook as nbformat 4.5 JSON with <c>Notebook.ToJupyterJson</c>, then puts back
/// what the Documents model does not keep: raw cells (it reads them as code), markdown attachments and the
/// notebook metadata exactly as it was.
/// Every cell gets an id, which nbformat 4.5 requires.
/// </summary>
public static class NotebookWriter
{
    /// <summary>
    /// Writes <paramref name="document"/> to <paramref name="path"/>. <paramref name="sourceCellOf"/> maps each element
    /// to its cell in <paramref name="source"/> (null for cells the runner added).
    /// </summary>
    public static void Write(string path, LoadedNotebook source, InteractiveDocument document, IReadOnlyList<int?> sourceCellOf)
    {
        AssignMissingIds(document);

        // ToJupyterJson throws InvalidCastException on notebook metadata it parsed itself when Polyglot wrote
        // "polyglot_notebook.kernelInfo" (it expects its own KernelInfoCollection there). The runner does not
        // change notebook metadata anyway, so the writer gets none and the original is put back verbatim.
        document.Metadata.Clear();
        var json = JsonNode.Parse(Notebook.ToJupyterJson(document, "C#"))!;
        json["metadata"] = source.Json.TryGetProperty("metadata", out var metadata) ? JsonNode.Parse(metadata.GetRawText()) : new JsonObject();
        var cells = json["cells"]!.AsArray();
        var originalCells = source.Json.GetProperty("cells");

        for (var i = 0; i < cells.Count; i++)
        {
            if (sourceCellOf[i] is not { } s) continue;
            var original = originalCells[s];
            if (source.CellTypes[s] == "raw")
            {
                cells[i] = new JsonObject
                {
                    ["cell_type"] = "raw",
                    ["id"] = cells[i]!["id"]!.DeepClone(),
                    ["metadata"] = original.TryGetProperty("metadata", out var m) ? JsonNode.Parse(m.GetRawText()) : new JsonObject(),
                    ["source"] = JsonNode.Parse(original.GetProperty("source").GetRawText()),
                };
            }
            else if (original.TryGetProperty("attachments", out var attachments))
            {
                cells[i]!["attachments"] = JsonNode.Parse(attachments.GetRawText());
            }
        }

        AtomicFile.WriteAllText(path, NotebookJson.Text(json), new UTF8Encoding(false));
    }

    // nbformat 4.5 ids: 1-64 chars of [a-zA-Z0-9-_], unique in the notebook. Deterministic so reruns diff cleanly.
    private static void AssignMissingIds(InteractiveDocument document)
    {
        var used = document.Elements.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToHashSet();
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var element = document.Elements[i];
            if (!string.IsNullOrEmpty(element.Id)) continue;
            var id = $"cell-{i + 1}";
            for (var n = 2; used.Contains(id); n++) id = $"cell-{i + 1}-{n}";
            element.Id = id;
            used.Add(id);
        }
    }
}

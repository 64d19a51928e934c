using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerAnalytics.Runner;

/// <summary>Writes notebook JSON as the committed notebooks are written (Jupyter's one-space indent, UTF-8 kept as it is).</summary>
public static class NotebookJson
{
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        // Notebook text is UTF-8: keep the prose's characters (·, é, ≤) as they are, as Jupyter does.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file text of <paramref name="notebook"/>: LF line ends and a final newline.</summary>
    public static string Text(JsonNode notebook) => notebook.ToJsonString(Written).Replace("\r\n", "\n") + "\n";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Turns an instructor notebook (<c>notebooks/NN-name.ipynb</c>, with the exercises' solutions) into the attendee's
/// copy (<c>notebooks/attendee/NN-name.ipynb</c>): the cells tagged <c>solution</c> are left out, so running the copy
/// top to bottom never replaces the attendee's code (each exercise's check cell follows its exercise directly); every
/// output and execution count is cleared; and paths relative to the notebook's folder (a string or a link starting
/// with <c>../</c>) get one more <c>../</c>, because the copy sits one folder deeper. Cell ids and metadata are kept, so
/// <c>Exercise.Hint(workshop, id)</c> finds the exercise's solution in the instructor notebook.
/// </summary>
public static partial class AttendeeGenerator
{
    /// <summary>The folder under notebooks/ that holds the attendee copies.</summary>
    public const string AttendeeFolder = "attendee";

    /// <summary>Where the attendee copy of <paramref name="notebookPath"/> lives: notebooks/attendee/&lt;name&gt;.ipynb.</summary>
    public static string AttendeePath(string notebookPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, AttendeeFolder, Path.GetFileName(notebookPath));

    /// <summary>Writes the attendee copy of every notebook; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<string> notebookPaths) =>
        GeneratedFiles.WriteAll(notebookPaths, AttendeePath, Generate);

    /// <summary>The attendee copy's text for <paramref name="notebook"/>.</summary>
    public static string Generate(LoadedNotebook notebook)
    {
        var root = JsonNode.Parse(notebook.Json.GetRawText())!.AsObject();
        var kept = new JsonArray();
        foreach (var cell in root["cells"]!.AsArray().Select(c => c!.DeepClone().AsObject()))
        {
            if (Tags(cell).Contains(CellTags.Solution)) continue;
            var markdown = (string?)cell["cell_type"] == "markdown";
            if (cell["source"] is JsonArray lines)
                cell["source"] = new JsonArray(lines.Select(l => (JsonNode?)JsonValue.Create(OneFolderDeeper((string?)l ?? "", markdown))).ToArray());
            else if (cell["source"] is JsonValue text)
                cell["source"] = OneFolderDeeper((string?)text ?? "", markdown);
            if ((string?)cell["cell_type"] == "code")
            {
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }
            kept.Add(cell);
        }
        root["cells"] = kept;
        return NotebookJson.Text(root);
    }

    private static string[] Tags(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags ? tags.Select(t => (string?)t ?? "").ToArray() : [];

    // "../x" in code (a string literal) and in markdown ("../x" in a code span, or a link's (../x)) is relative to the
    // instructor notebook's folder; from notebooks/attendee/ it is one level further up.
    private static string OneFolderDeeper(string line, bool markdown) =>
        (markdown ? MarkdownRelativePath() : CodeRelativePath()).Replace(line, m => m.Value + "../");

    [GeneratedRegex("""(?<![\w@$\\])"\.\./""")]
    private static partial Regex CodeRelativePath();

    [GeneratedRegex("""(?<=["(`])\.\./""")]
    private static partial Regex MarkdownRelativePath();
}

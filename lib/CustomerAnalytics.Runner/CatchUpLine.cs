using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerAnalytics.Runner;

/// <summary>
/// The "Catch-up:" line under a notebook's timing table (the markdown cell with <c>| Section | Minutes | You do |</c>),
/// written by <c>--update-images</c> from the run it just made, so the figure an instructor reads is a measured one.
/// </summary>
public static class CatchUpLine
{
    /// <summary>How the line starts; a test reads the figure after it.</summary>
    public const string Prefix = "Catch-up:";

    private const string TimingTableHeader = "| Section | Minutes | You do |";

    /// <summary>The line for <paramref name="catchUp"/>, measured on a machine with <paramref name="cores"/> cores.</summary>
    public static string Text(CatchUp catchUp, int cores) => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix} after a late start or a kernel restart, **Run All Above** reaches any section in at most " +
        $"**{Math.Ceiling(catchUp.Elapsed.TotalSeconds):0} s** (the furthest: \"{catchUp.Section}\"; measured by the headless runner on the sample, {cores} cores).");

    /// <summary>
    /// Puts <paramref name="line"/> under the timing table of the notebook at <paramref name="notebookPath"/>, replacing
    /// the cell's earlier catch-up line. Returns false, changing nothing, when the notebook has no timing table.
    /// </summary>
    public static bool Write(string notebookPath, string line)
    {
        var root = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var cell = root["cells"]!.AsArray().Select(c => c!.AsObject())
            .FirstOrDefault(c => (string?)c["cell_type"] == "markdown" && Source(c).Contains(TimingTableHeader, StringComparison.Ordinal));
        if (cell is null) return false;

        var lines = Source(cell).Split('\n').ToList();
        lines.RemoveAll(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        // Directly after the table's last row, with a blank line between.
        var end = lines.FindLastIndex(l => l.StartsWith('|')) + 1;
        while (end < lines.Count && lines[end].Length == 0) lines.RemoveAt(end);
        lines.InsertRange(end, end == lines.Count ? ["", line] : ["", line, ""]);

        // Jupyter's shape: one string a line, each ending with its newline except the last.
        var source = new JsonArray();
        for (var i = 0; i < lines.Count; i++)
            if (i < lines.Count - 1 || lines[i].Length > 0) source.Add(i < lines.Count - 1 ? lines[i] + "\n" : lines[i]);
        cell["source"] = source;
        AtomicFile.WriteAllText(notebookPath, NotebookJson.Text(root), new UTF8Encoding(false));
        return true;
    }

    // A cell's text: Jupyter writes its source as one string or as a list of lines.
    private static string Source(JsonObject cell) =>
        cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
}

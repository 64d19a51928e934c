using System.Text.Json;

namespace CustomerAnalytics.Exercises;

/// <summary>
/// Reads an exercise's solution cell from the instructor notebooks (<c>notebooks/*.ipynb</c>, the copies with
/// solutions): the cell tagged <c>solution</c> right after the exercise cell whose cell id is the exercise's id. Its
/// leading <c>// Hint:</c> comment lines are the hint; the rest is the solution.
/// </summary>
internal static class InstructorNotebooks
{
    private const string HintPrefix = "// Hint:";

    /// <summary>The hint and the solution of exercise <paramref name="id"/>.</summary>
    /// <exception cref="ExerciseHelpException">No instructor notebook has an exercise cell with that id followed by its solution.</exception>
    public static (string Hint, string Solution) Read(string root, string id)
    {
        var folder = Path.Combine(root, "notebooks");
        var found = new List<string>();
        foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [])
        {
            using var notebook = JsonDocument.Parse(File.ReadAllText(path));
            var cells = notebook.RootElement.GetProperty("cells").EnumerateArray().ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                if (!Tagged(cells[i], "exercise")) continue;
                var cellId = cells[i].TryGetProperty("id", out var value) ? value.GetString() : null;
                found.Add(cellId ?? "(no id)");
                if (cellId != id) continue;
                if (i + 1 >= cells.Count || !Tagged(cells[i + 1], "solution"))
                    throw new ExerciseHelpException($"The exercise '{id}' in {path} has no solution cell (tagged solution) right after it.");
                return Split(Source(cells[i + 1]));
            }
        }
        throw new ExerciseHelpException($"No exercise '{id}' in the instructor notebooks of {folder}; the exercises there are: {string.Join(", ", found)}.");
    }

    private static (string Hint, string Solution) Split(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var hintLines = lines.TakeWhile(l => l.TrimStart().StartsWith(HintPrefix, StringComparison.Ordinal)).ToArray();
        var hint = string.Join(" ", hintLines.Select(l => l.TrimStart()[HintPrefix.Length..].Trim()));
        return (hint.Length == 0 ? "No hint for this exercise: its markdown states the task." : hint,
                string.Join("\n", lines.Skip(hintLines.Length)).Trim('\n'));
    }

    private static bool Tagged(JsonElement cell, string tag) =>
        cell.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("tags", out var tags) &&
        tags.ValueKind == JsonValueKind.Array && tags.EnumerateArray().Any(t => t.GetString() == tag);

    private static string Source(JsonElement cell) => cell.GetProperty("source") is var s && s.ValueKind == JsonValueKind.Array
        ? string.Concat(s.EnumerateArray().Select(l => l.GetString()))
        : s.GetString() ?? "";
}

using System.Text.Json;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>The cells of a notebook file with what each printed, for tests that read an executed notebook.</summary>
internal static class ExecutedNotebook
{
    /// <summary>Every cell: its type, its source and what it printed.</summary>
    public static IReadOnlyList<(string Type, string Source, string Output)> Cells(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cells").EnumerateArray().Select(c => (
            c.GetProperty("cell_type").GetString()!,
            string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())),
            c.TryGetProperty("outputs", out var outputs) ? string.Concat(outputs.EnumerateArray().Select(Text)) : "")).ToArray();

    // The printed text of one output: a stream's text, or a display's plain text.
    private static string Text(JsonElement output)
    {
        var text = output.TryGetProperty("text", out var t) ? t
            : output.TryGetProperty("data", out var d) && d.TryGetProperty("text/plain", out var plain) ? plain : default;
        return text.ValueKind switch
        {
            JsonValueKind.Array => string.Concat(text.EnumerateArray().Select(s => s.GetString())),
            JsonValueKind.String => text.GetString()!,
            _ => "",
        };
    }

    /// <summary>What the code cell with id <paramref name="id"/> printed (fails when there is no such cell).</summary>
    public static string OutputOf(string path, string id) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.TryGetProperty("id", out var i) && i.GetString() == id)
            .Select(c => string.Concat(c.GetProperty("outputs").EnumerateArray().Select(Text)))
            .Single();
}

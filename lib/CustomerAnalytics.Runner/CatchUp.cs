using System.Text.Json;

namespace CustomerAnalytics.Runner;

/// <summary>
/// The longest "Run All Above" of a notebook: after a late start or a kernel restart, the time from a fresh kernel
/// to the start of the section furthest down (a <c>## </c> heading), measured from one headless run: the kernel's
/// start plus every code cell above that heading.
/// </summary>
/// <param name="Section">The heading reached last, e.g. "9. Against the truth".</param>
/// <param name="Elapsed">Kernel start and the cells above it.</param>
public sealed record CatchUp(string Section, TimeSpan Elapsed)
{
    /// <summary>The catch-up of <paramref name="result"/>, a successful run of the notebook whose file is <paramref name="notebookJson"/>;
    /// null when the notebook has no <c>## </c> heading after its first code cell.</summary>
    public static CatchUp? Of(NotebookResult result, JsonElement notebookJson)
    {
        var cells = notebookJson.GetProperty("cells").EnumerateArray().ToArray();
        // Kernel start and the injected parameters cell: the part of the run that no source cell accounts for.
        var start = result.Elapsed - result.Cells.Where(c => c.Number is not null).Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Elapsed);
        CatchUp? last = null;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].GetProperty("cell_type").GetString() != "markdown") continue;
            var heading = Source(cells[i]).Split('\n').FirstOrDefault(l => l.StartsWith("## ", StringComparison.Ordinal));
            if (heading is null) continue;
            var above = result.Cells.Where(c => c.Number is { } n && n <= i).ToArray();
            if (above.Length == 0) continue; // a heading above every code cell is reached at once
            last = new CatchUp(heading[3..].Trim(), start + above.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Elapsed));
        }
        return last;
    }

    private static string Source(JsonElement cell) => cell.GetProperty("source") is var s && s.ValueKind == JsonValueKind.Array
        ? string.Concat(s.EnumerateArray().Select(l => l.GetString()))
        : s.GetString() ?? "";
}

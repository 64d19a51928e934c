using System.Globalization;
using System.Text;

namespace CustomerAnalytics.Runner;

/// <summary>The table printed after a run: notebook, code cells run/total, seconds, status.</summary>
public static class SummaryTable
{
    /// <summary>Renders the results as a fixed-width text table.</summary>
    public static string Render(IReadOnlyList<NotebookResult> results)
    {
        string[] headers = ["notebook", "cells", "seconds", "status"];
        var rows = results.Select(r => new[]
        {
            r.Name,
            $"{r.ExecutedCellCount}/{r.CodeCellCount}",
            r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
            Status(r),
        }).ToList();

        var widths = headers.Select((h, c) => rows.Select(row => row[c].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine(string.Join("  ",
            cells.Select((cell, c) => c is 1 or 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());

        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
        return text.ToString();
    }

    /// <summary>"ok", or "FAILED" with the reason in brackets.</summary>
    public static string Status(NotebookResult result) => result.Status switch
    {
        NotebookStatus.Ok => "ok",
        NotebookStatus.CellFailed => $"FAILED ({result.FailedCell?.Label ?? "cell"})",
        NotebookStatus.TimedOut => $"FAILED (timeout at {result.FailedCell?.Label ?? "start"})",
        _ => "FAILED (invalid notebook)",
    };
}

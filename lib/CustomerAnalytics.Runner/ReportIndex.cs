using System.Text.Json;
using System.Text;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Writes <c>&lt;out&gt;/reports/index.html</c>: one row per notebook of this run with a link to its report, its
/// status, duration and, when the notebook wrote <c>key-numbers.json</c>, its key numbers.
/// </summary>
public static class ReportIndex
{
    /// <summary>File name of the index page in the reports folder.</summary>
    public const string FileName = "index.html";

    /// <summary>One notebook on the index.</summary>
    /// <param name="Result">How its run went.</param>
    /// <param name="Report">Its report page, or null when none could be written.</param>
    public sealed record Entry(NotebookResult Result, NotebookReport? Report);

    /// <summary>Writes the index of <paramref name="entries"/> into <paramref name="reportsDirectory"/>; returns its full path.</summary>
    public static string Write(IReadOnlyList<Entry> entries, string reportsDirectory)
    {
        return AtomicFile.WriteAllText(Path.Combine(reportsDirectory, FileName), Render(entries), new UTF8Encoding(false));
    }

    /// <summary>The index page.</summary>
    public static string Render(IReadOnlyList<Entry> entries)
    {
        var e = ReportPage.Encode;
        var started = entries.Count > 0 ? entries.Min(x => x.Result.StartedAt) : DateTimeOffset.Now;
        var ok = entries.Count(x => x.Result.Succeeded);
        var html = new StringBuilder(ReportPage.Open("Workshop reports"));
        html.Append("<header class=\"run\">\n<h1>Workshop reports</h1>\n");
        html.Append($"<p class=\"facts\">Run {e(ReportPage.Date(started))} · {entries.Count} notebook(s) · {ok} ok" +
                    $"{(ok < entries.Count ? $" · <span class=\"status failed\">{entries.Count - ok} failed</span>" : "")}</p>\n</header>\n");
        html.Append("<table>\n<thead><tr><th>notebook</th><th>status</th><th>duration</th><th>key numbers</th></tr></thead>\n<tbody>\n");
        foreach (var (result, report) in entries)
        {
            var name = report is null
                ? $"{e(result.Name)}"
                : $"<a href=\"{e(Uri.EscapeDataString(Path.GetFileName(report.Path)))}\">{e(result.Name)}</a><br><span class=\"url\">{e(report.Title)}</span>";
            html.Append($"<tr><td>{name}</td>" +
                        $"<td><span class=\"status {ReportPage.StatusClass(result)}\">{e(SummaryTable.Status(result))}</span></td>" +
                        $"<td>{e(ReportPage.Duration(result.Elapsed))}</td><td>{KeyNumbersCell(result)}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        html.Append(ReportPage.Close);
        return html.ToString();
    }

    private static string KeyNumbersCell(NotebookResult result)
    {
        // Written by workshop.KeyNumbers(...) in the notebook's last cell; notebooks without it have none.
        var path = result.ChartsDirectory is null ? null : Path.Combine(result.ChartsDirectory, KeyNumbers.FileName);
        if (path is null || !File.Exists(path)) return "";
        KeyNumbers numbers;
        try { numbers = KeyNumbers.Read(path); }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            var problem = $"{path} could not be read ({e.Message}); expected {{\"notebook\": ..., \"numbers\": [{{\"name\": \"...\", \"value\": 1.0}}]}}.";
            return $"<span class=\"url\">{ReportPage.Encode(problem)}</span>";
        }
        return string.Join("<br>", numbers.Numbers.Select(n => $"{ReportPage.Encode(n.Name)}: <strong>{ReportPage.Encode(n.Shown)}</strong>"));
    }
}

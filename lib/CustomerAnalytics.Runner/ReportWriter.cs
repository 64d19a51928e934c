using System.Text;
using System.Text.Json;

namespace CustomerAnalytics.Runner;

/// <summary>A report page written for one notebook run.</summary>
/// <param name="Path">Full path of the HTML file.</param>
/// <param name="Title">The notebook's first markdown heading, or its name when it has none.</param>
/// <param name="HasCharts">Whether the page draws plotly charts (and so carries plotly.js, once).</param>
public sealed record NotebookReport(string Path, string Title, bool HasCharts);

/// <summary>
/// Writes <c>&lt;out&gt;/reports/&lt;notebook&gt;.html</c>: the executed notebook as one self-contained page that
/// reads without running anything and opens offline (style inline, images as data URIs, plotly.js once in the head).
/// A header gives the title, run date, duration and status, and links back to <c>index.html</c>; a failed
/// notebook's header says what failed and links to the cell.
/// </summary>
public static class ReportWriter
{
    /// <summary>The report of <paramref name="result"/> in <paramref name="reportsDirectory"/> (created if needed).</summary>
    public static NotebookReport Write(NotebookResult result, string reportsDirectory)
    {
        var (html, title, hasCharts) = Render(result);
        var path = AtomicFile.WriteAllText(Path.Combine(reportsDirectory, result.Name + ".html"), html, new UTF8Encoding(false));
        return new NotebookReport(path, title, hasCharts);
    }

    /// <summary>The report page of <paramref name="result"/>, read from its executed notebook.</summary>
    public static (string Html, string Title, bool HasCharts) Render(NotebookResult result)
    {
        JsonElement? notebook = null;
        string? unreadable = null;
        if (result.ExecutedPath is { } executed)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(executed));
                notebook = document.RootElement.Clone();
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                unreadable = $"The executed notebook {executed} could not be read: {e.Message}";
            }
        }

        var cells = new ReportCells(Path.GetDirectoryName(result.SourcePath) ?? ".");
        var body = notebook is { } nb ? cells.Render(nb) : "";
        var title = (notebook is { } n ? Title(n) : null) ?? result.Name;
        var head = cells.HasCharts ? PlotlyScripts.HeadScript() : "";

        var page = new StringBuilder(ReportPage.Open($"{title} · {result.Name}", head));
        page.Append(Header(result, title, unreadable));
        page.Append(body);
        page.Append(ReportPage.Close);
        return (page.ToString(), title, cells.HasCharts);
    }

    private static string Header(NotebookResult result, string title, string? unreadable)
    {
        var e = ReportPage.Encode;
        var status = SummaryTable.Status(result);
        var html = new StringBuilder("<header class=\"run\">\n");
        html.Append("<p><a href=\"index.html\">&larr; All workshop reports</a></p>\n");
        // The notebook's own first heading follows right below: repeat the title only when it has none.
        if (title == result.Name) html.Append($"<h1>{e(title)}</h1>\n");
        html.Append($"<p class=\"facts\">{e(result.Name)}.ipynb · run {e(ReportPage.Date(result.StartedAt))} · " +
                    $"{e(ReportPage.Duration(result.Elapsed))} · {result.ExecutedCellCount}/{result.CodeCellCount} code cells · " +
                    $"<span class=\"status {ReportPage.StatusClass(result)}\">{e(status)}</span></p>\n");
        if (!result.Succeeded)
        {
            var jump = result.FailedCell is not null ? $" <a href=\"#{ReportCells.FailedAnchor}\">Go to the failing cell</a>." : "";
            html.Append($"<div class=\"banner\"><strong>This notebook did not finish.</strong>{jump}<pre>{e(result.Error ?? status)}</pre></div>\n");
        }
        if (unreadable is not null) html.Append($"<div class=\"banner\"><pre>{e(unreadable)}</pre></div>\n");
        html.Append("</header>\n");
        return html.ToString();
    }

    /// <summary>The first markdown heading of the notebook.</summary>
    private static string? Title(JsonElement notebook) =>
        notebook.GetProperty("cells").EnumerateArray()
            .Where(c => c.TryGetProperty("cell_type", out var t) && t.GetString() == "markdown" && c.TryGetProperty("source", out _))
            .Select(c => MarkdownRenderer.FirstHeading(c.GetProperty("source") is var s && s.ValueKind == JsonValueKind.Array
                ? string.Concat(s.EnumerateArray().Select(l => l.GetString())) : s.GetString() ?? ""))
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
}

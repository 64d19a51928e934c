using CustomerAnalytics.Charts;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Keeps plotly.js exactly once in a report. Chart outputs carry plotly.js inline in the first chart a notebook
/// rendered and expect <c>window.Plotly</c> in later ones; but a chart shown twice, or a notebook run twice in one
/// process, can leave two copies (7 MB) or none (blank charts). The report therefore removes every inline copy
/// and loads the library's plotly.js once in its head, before any chart script runs.
/// </summary>
internal static class PlotlyScripts
{
    private const string ScriptOpen = "<script";
    private const string ScriptClose = "</script>";

    /// <summary>True when <paramref name="html"/> draws a chart with plotly.js (the library's chart outputs do).</summary>
    public static bool DrawsChart(string html) =>
        html.Contains("Plotly.newPlot", StringComparison.Ordinal) || html.Contains(PlotlyJs.Marker, StringComparison.Ordinal);

    /// <summary><paramref name="html"/> without the library's inline plotly.js script elements.</summary>
    public static string StripInlineCopies(string html)
    {
        var at = html.IndexOf(PlotlyJs.Marker, StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = html.LastIndexOf(ScriptOpen, at, StringComparison.Ordinal);
            var end = html.IndexOf(ScriptClose, at, StringComparison.Ordinal);
            if (start < 0 || end < 0) break; // not inside a script element: leave it alone
            html = html[..start] + html[(end + ScriptClose.Length)..];
            at = html.IndexOf(PlotlyJs.Marker, start, StringComparison.Ordinal);
        }
        return html;
    }

    /// <summary>The one plotly.js script element for a report's head.</summary>
    public static string HeadScript() => PlotlyJs.ScriptElement() + "\n";
}

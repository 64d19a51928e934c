using System.Globalization;
using System.Net;
using System.Text.Json;
using Plotly.NET;

namespace CustomerAnalytics.Charts;

/// <summary>
/// Builds the HTML for a chart: a div plus a script that calls <c>Plotly.newPlot</c> with the
/// chart's data, layout and config. We write it ourselves instead of using Plotly.NET's HTML
/// because Plotly.NET either links the CDN (blank offline) or inlines plotly.js in every chart.
/// </summary>
internal static class ChartHtml
{
    /// <summary>Shown where the script does not run: an untrusted notebook in Jupyter or VS Code, GitHub's preview.</summary>
    private const string NoScriptNotice = ChartPlaceholder.Html;

    /// <summary>Shown when plotly.js is missing from the page, so the output is never silently blank.</summary>
    internal const string MissingPlotlyNotice =
        "This chart cannot be drawn: plotly.js is not loaded in this page. It is embedded once, in the first chart " +
        "output of the session, and that output was cleared or belongs to an earlier kernel. Run " +
        "<code>workshop.ResetEmbedding();</code> (or restart the kernel and re-run the setup cell), " +
        "then re-run this cell.";

    // A JS string literal. JsonEncodedText, not JsonSerializer: file-based apps (dotnet run x.cs)
    // disable reflection-based JSON serialization by default.
    private static readonly string MissingPlotlyHtml = "\"" + JsonEncodedText.Encode(
        $"<p style=\"font-family:sans-serif;color:#b00020;border:1px solid #b00020;padding:1em;\">{MissingPlotlyNotice}</p>") + "\"";

    /// <summary>The chart as a fragment; with <paramref name="includePlotlyJs"/> it carries plotly.js inline first.</summary>
    public static string Fragment(GenericChart chart, bool includePlotlyJs)
    {
        var id = "ca-chart-" + Guid.NewGuid().ToString("N");
        var (width, height) = Size(chart);
        var box = $"width:{width};height:{height};";
        return "<div class=\"ca-chart\">" +
               (includePlotlyJs ? PlotlyJs.ScriptElement() : "") +
               $"<div id=\"{id}\" style=\"{box}\"><p style=\"font-family:sans-serif;color:#555;padding:1em;\">{NoScriptNotice}</p></div>" +
               DrawScript(id, chart) +
               "</div>";
    }

    /// <summary>A complete HTML page with plotly.js inline: opens offline, from disk, with no network.</summary>
    public static string Page(GenericChart chart, string title) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        $"<title>{WebUtility.HtmlEncode(title)}</title>\n" +
        PlotlyJs.ScriptElement() + "\n" +
        "<style>body{margin:16px;background:#fff;}</style>\n</head>\n<body>\n" +
        Fragment(chart, includePlotlyJs: false) +
        "\n</body>\n</html>\n";

    /// <summary>
    /// The chart's {data, layout, config} JSON, safe inside a script element: every '&lt;' is
    /// escaped (JSON has '&lt;' only in strings), so "&lt;/script&gt;" or "&lt;!--" in a label cannot end the script.
    /// </summary>
    public static string FigureJson(GenericChart chart) => GenericChart.toJson(chart).Replace("<", "\\u003c");

    // The script retries briefly because some notebook front ends attach outputs asynchronously;
    // after that it replaces the placeholder with a visible explanation instead of staying blank.
    private static string DrawScript(string id, GenericChart chart) =>
        "<script type=\"text/javascript\">\n(function () {\n" +
        $"  var id = \"{id}\";\n" +
        $"  var figure = {FigureJson(chart)};\n" +
        "  var tries = 0;\n" +
        "  function attempt() {\n" +
        "    var el = document.getElementById(id);\n" +
        "    if (!el) return;\n" +
        "    if (window.Plotly) { el.innerHTML = \"\"; window.Plotly.newPlot(el, figure.data, figure.layout, figure.config); }\n" +
        "    else if (tries++ < 20) { setTimeout(attempt, 100); }\n" +
        $"    else {{ el.innerHTML = {MissingPlotlyHtml}; }}\n" +
        "  }\n" +
        "  attempt();\n" +
        "})();\n</script>";

    // The div gets the layout's size so the page does not jump when the chart appears.
    private static (string Width, string Height) Size(GenericChart chart)
    {
        var size = GenericChart.tryGetLayoutSize(chart);
        var width = size.Item1 is { } w ? w.Value.ToString(CultureInfo.InvariantCulture) + "px" : "100%";
        var height = size.Item2 is { } h ? h.Value.ToString(CultureInfo.InvariantCulture) + "px" : "450px";
        return (width, height);
    }
}

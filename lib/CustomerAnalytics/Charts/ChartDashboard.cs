using System.Net;

namespace CustomerAnalytics.Charts;

/// <summary>
/// One self-contained HTML page holding several charts (plotly.js inline once): a dashboard an instructor opens
/// from disk, offline.
/// </summary>
public static class ChartDashboard
{
    /// <summary>
    /// Writes <paramref name="charts"/> (as published, with their styling) to one page at <paramref name="path"/>,
    /// under <paramref name="title"/> and an optional HTML <paramref name="introHtml"/> (e.g. a table). Returns the full path.
    /// </summary>
    public static string Save(string path, string title, IEnumerable<NotebookChart> charts, string? introHtml = null)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var body = string.Concat(charts.Select(c => $"<section><h2>{WebUtility.HtmlEncode(c.Name)}</h2>{ChartHtml.Fragment(c.Chart, includePlotlyJs: false)}</section>\n"));
        return AtomicFile.WriteAllText(path,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
            $"<title>{WebUtility.HtmlEncode(title)}</title>\n" + PlotlyJs.ScriptElement() + "\n" +
            "<style>body{margin:24px;font-family:sans-serif;color:#2b2f36;background:#fff;} h2{font-size:16px;margin:24px 0 4px;}" +
            " table{border-collapse:collapse;} td,th{border:1px solid #ddd;padding:4px 8px;text-align:right;}</style>\n</head>\n<body>\n" +
            $"<h1>{WebUtility.HtmlEncode(title)}</h1>\n{introHtml}\n{body}</body>\n</html>\n");
    }
}

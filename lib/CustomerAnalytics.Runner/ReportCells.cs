using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Runner;

/// <summary>
/// The cells of an executed notebook (nbformat JSON) as report HTML, in order: markdown rendered, code as a
/// monospace block, then its outputs as a notebook shows them (HTML as is, text in &lt;pre&gt;, errors boxed).
/// The first cell with an error gets the anchor <c>#failed</c>; code cells that never ran say so.
/// </summary>
internal sealed partial class ReportCells(string notebookFolder)
{
    /// <summary>Anchor of the cell that failed, linked from the report header.</summary>
    public const string FailedAnchor = "failed";

    private bool _failureSeen;

    /// <summary>True once a rendered output drew a plotly chart (the page then needs plotly.js).</summary>
    public bool HasCharts { get; private set; }

    /// <summary>Renders every cell of <paramref name="notebook"/>.</summary>
    public string Render(JsonElement notebook)
    {
        var html = new StringBuilder();
        var number = 0;
        foreach (var cell in notebook.GetProperty("cells").EnumerateArray())
        {
            var injected = IsInjected(cell);
            if (!injected) number++;
            var type = cell.TryGetProperty("cell_type", out var t) ? t.GetString() : "code";
            var source = Text(cell, "source");
            html.Append(type switch
            {
                "markdown" => $"<div class=\"cell markdown\" id=\"cell-{number}\">\n{MarkdownRenderer.ToHtml(source, url => ImageSource(cell, url))}</div>\n",
                "raw" => $"<div class=\"cell raw\" id=\"cell-{number}\"><pre>{ReportPage.Encode(source)}</pre></div>\n",
                _ => Code(cell, source, injected ? "injected parameters" : $"cell {number}", injected ? "injected-parameters" : $"cell-{number}"),
            });
        }
        return html.ToString();
    }

    private string Code(JsonElement cell, string source, string label, string id)
    {
        var outputs = cell.TryGetProperty("outputs", out var o) ? o.EnumerateArray().ToList() : [];
        var ran = cell.TryGetProperty("execution_count", out var count) && count.ValueKind == JsonValueKind.Number && count.GetInt32() > 0;
        var failed = outputs.Any(x => OutputType(x) == "error");
        if (failed && !_failureSeen)
        {
            id = FailedAnchor;
            _failureSeen = true;
        }

        var html = new StringBuilder();
        html.Append($"<div class=\"cell code{(ran || outputs.Count > 0 ? "" : " skipped")}\" id=\"{id}\">\n");
        html.Append($"<div class=\"label\">{ReportPage.Encode(label)}{(ran ? $" · In [{count.GetInt32()}]" : "")}</div>\n");
        html.Append($"<pre class=\"source\"><code class=\"language-csharp\">{ReportPage.Encode(source)}</code></pre>\n");
        if (outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">\n");
            foreach (var output in outputs) html.Append(Output(output)).Append('\n');
            html.Append("</div>\n");
        }
        else if (!ran)
        {
            html.Append($"<div class=\"not-run\">{(_failureSeen ? "Not run: an earlier cell failed." : "Not run.")}</div>\n");
        }
        html.Append("</div>\n");
        return html.ToString();
    }

    private string Output(JsonElement output) => OutputType(output) switch
    {
        "stream" => Stream(output),
        "error" => Error(output),
        "display_data" or "execute_result" => Display(output),
        var other => $"<div class=\"output\"><pre>[{ReportPage.Encode(other ?? "unknown")} output]</pre></div>",
    };

    private static string Stream(JsonElement output)
    {
        var name = output.TryGetProperty("name", out var n) ? n.GetString() : "stdout";
        return $"<pre class=\"stream {(name == "stderr" ? "stderr" : "stdout")}\">{ReportPage.Encode(Ansi().Replace(Text(output, "text"), ""))}</pre>";
    }

    private static string Error(JsonElement output)
    {
        var name = output.TryGetProperty("ename", out var e) ? e.GetString() : "Error";
        var value = output.TryGetProperty("evalue", out var v) ? v.GetString() ?? "" : "";
        var traceback = output.TryGetProperty("traceback", out var tb) && tb.ValueKind == JsonValueKind.Array
            ? string.Join("\n", tb.EnumerateArray().Select(l => l.GetString()))
            : value;
        var headline = traceback.Contains(value, StringComparison.Ordinal) ? name : $"{name}: {value}";
        return $"<div class=\"error\"><div class=\"ename\">{ReportPage.Encode(headline ?? "Error")}</div>" +
               $"<pre>{ReportPage.Encode(Ansi().Replace(traceback, ""))}</pre></div>";
    }

    // One representation per output, the richest a notebook front end would pick.
    private string Display(JsonElement output)
    {
        if (!output.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return "";
        if (data.TryGetProperty("text/html", out var html))
        {
            var text = Text(html);
            if (PlotlyScripts.DrawsChart(text)) HasCharts = true;
            return $"<div class=\"output html\">{PlotlyScripts.StripInlineCopies(text)}</div>";
        }
        if (data.TryGetProperty("image/png", out var png))
            return $"<div class=\"output\"><img alt=\"image output\" src=\"data:image/png;base64,{Text(png).Replace("\n", "")}\"></div>";
        if (data.TryGetProperty("image/svg+xml", out var svg)) return $"<div class=\"output\">{Text(svg)}</div>";
        if (data.TryGetProperty("text/markdown", out var markdown)) return $"<div class=\"output markdown\">{MarkdownRenderer.ToHtml(Text(markdown))}</div>";
        if (data.TryGetProperty("text/plain", out var plain)) return $"<pre class=\"stream\">{ReportPage.Encode(Text(plain))}</pre>";
        return "";
    }

    /// <summary>A markdown image as a data URI: a cell attachment, or a file next to the notebook.</summary>
    private string? ImageSource(JsonElement cell, string url)
    {
        const string attachment = "attachment:";
        if (url.StartsWith(attachment, StringComparison.Ordinal))
        {
            if (!cell.TryGetProperty("attachments", out var attachments) ||
                !attachments.TryGetProperty(url[attachment.Length..], out var bundle) || bundle.ValueKind != JsonValueKind.Object) return null;
            var first = bundle.EnumerateObject().FirstOrDefault();
            return first.Value.ValueKind == JsonValueKind.Undefined ? null : $"data:{first.Name};base64,{Text(first.Value).Replace("\n", "")}";
        }
        if (url.Contains(':')) return null; // data:, file:, mailto: ... left to the markdown as written
        var path = Path.GetFullPath(Path.Combine(notebookFolder, Uri.UnescapeDataString(url.Split('?', '#')[0])));
        if (!File.Exists(path)) return null;
        var mime = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".svg" => "image/svg+xml",
            ".webp" => "image/webp",
            _ => null,
        };
        return mime is null ? null : $"data:{mime};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
    }

    private static bool IsInjected(JsonElement cell) =>
        cell.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object &&
        metadata.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array &&
        tags.EnumerateArray().Any(t => t.GetString() == ParameterInjector.InjectedTag);

    private static string? OutputType(JsonElement output) =>
        output.TryGetProperty("output_type", out var type) ? type.GetString() : null;

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Text(value) : "";

    /// <summary>nbformat multiline text: a string or an array of lines.</summary>
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Concat(value.EnumerateArray().Select(l => l.GetString())),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };

    // Terminal colour codes some tracebacks carry; meaningless in HTML.
    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}

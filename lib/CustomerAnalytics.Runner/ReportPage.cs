namespace CustomerAnalytics.Runner;

/// <summary>
/// The shell shared by the HTML reports and their index: one page, its style inline, no external CSS, fonts or
/// scripts, so it opens from disk on a projector with no network.
/// </summary>
internal static class ReportPage
{
    // System fonts only (no web fonts); large enough to read on a projector.
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 17px;
               line-height: 1.5; color: #1f2328; background: #fff; margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 64px; }
        a { color: #0969da; }
        header.run { border-bottom: 2px solid #d0d7de; margin-bottom: 24px; padding-bottom: 12px; }
        header.run h1 { margin: 8px 0; }
        .facts { color: #57606a; margin: 0; }
        .status { font-weight: 600; padding: 1px 8px; border-radius: 10px; }
        .status.ok { background: #dafbe1; color: #116329; }
        .status.failed { background: #ffebe9; color: #a40e26; }
        .cell { margin: 18px 0; }
        .cell .label { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; color: #57606a; }
        pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 15px; }
        pre { white-space: pre-wrap; word-wrap: break-word; margin: 4px 0; padding: 10px 12px; border-radius: 6px; }
        pre.source { background: #f6f8fa; border: 1px solid #d0d7de; }
        pre.stream { background: #fff; border-left: 3px solid #d0d7de; }
        pre.stderr { background: #fff8c5; border-left: 3px solid #d4a72c; }
        .markdown code { background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
        .markdown pre { background: #f6f8fa; }
        .outputs { margin-left: 12px; overflow-x: auto; }
        .output { margin: 6px 0; }
        .error { border: 2px solid #cf222e; background: #ffebe9; border-radius: 6px; padding: 8px 12px; margin: 6px 0; }
        .error .ename { font-weight: 700; color: #a40e26; }
        .error pre { background: transparent; padding: 0; }
        .not-run { color: #8c959f; font-style: italic; }
        .cell.skipped pre.source { opacity: 0.55; }
        .banner { border: 2px solid #cf222e; background: #ffebe9; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
        .banner pre { background: transparent; padding: 0; }
        table { border-collapse: collapse; margin: 8px 0; }
        th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        .url { color: #57606a; font-size: 0.9em; }
        img { max-width: 100%; }
        """;

    /// <summary>Doctype, head (title, style, <paramref name="headExtra"/>) and the opening of the body.</summary>
    public static string Open(string title, string headExtra = "") =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>{Encode(title)}</title>\n<style>\n{Style}\n</style>\n{headExtra}</head>\n<body>\n<main>\n";

    /// <summary>Closes what <see cref="Open"/> opened.</summary>
    public const string Close = "</main>\n</body>\n</html>\n";

    /// <summary>
    /// Escapes text for element content and attribute values. Only the five markup characters: the page is UTF-8, and
    /// WebUtility.HtmlEncode would turn every non-ASCII letter (·, é) into a numeric entity, unreadable in the source.
    /// </summary>
    public static string Encode(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
                                                    .Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>"ok" or "failed", the CSS class of a status badge.</summary>
    public static string StatusClass(NotebookResult result) => result.Succeeded ? "ok" : "failed";

    /// <summary>"12.3 s" or "4 min 05 s".</summary>
    public static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds < 60
        ? elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s"
        : $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s";

    /// <summary>Run start as "2026-11-24 15:39 UTC" (UTC, so reports read the same on every machine).</summary>
    public static string Date(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}

using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Markdown cells to HTML for the reports (Markdig, with tables and the other common extensions). A report must
/// work offline, so nothing in it may point at the web: links to http(s) become their text followed by the address,
/// and images are inlined as data URIs (or replaced by their description when they live on the web).
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// Renders <paramref name="markdown"/>. <paramref name="imageSource"/> turns a local image reference (a relative
    /// path or <c>attachment:name</c>) into a data URI, or returns null when it cannot.
    /// </summary>
    public static string ToHtml(string markdown, Func<string, string?>? imageSource = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.Url ?? "";
            if (link.IsImage)
            {
                var local = IsWeb(url) ? null : imageSource?.Invoke(url);
                if (local is not null) link.Url = local;
                else Replace(link, $"[image: {PlainText(link)}{(url.Length > 0 ? $" ({url})" : "")}, not included in this offline report]");
            }
            else if (IsWeb(url))
            {
                // Keep the words of the link, then show where it pointed: readable on paper and offline.
                var text = PlainText(link);
                var span = new ContainerInline();
                link.ReplaceBy(span);
                if (text != url) span.AppendChild(new HtmlInline($" <span class=\"url\">({ReportPage.Encode(url)})</span>"));
            }
        }
        // <https://...> autolinks: the address is the text, so plain text is all that is left.
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !a.IsEmail && IsWeb(a.Url)).ToList())
            Replace(autolink, autolink.Url);
        return document.ToHtml(Pipeline);
    }

    /// <summary>The text of the first heading in <paramref name="markdown"/>, or null when it has none.</summary>
    public static string? FirstHeading(string markdown)
    {
        var heading = Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().FirstOrDefault();
        return heading?.Inline is { } inline ? PlainText(inline).Trim() : null;
    }

    private static bool IsWeb(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("//", StringComparison.Ordinal);

    private static void Replace(Inline inline, string text) => inline.ReplaceBy(new LiteralInline(text), copyChildren: false);

    /// <summary>The visible text of an inline container: literals and code spans, without markup.</summary>
    private static string PlainText(ContainerInline container) => string.Concat(container.Descendants<Inline>().Select(i => i switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        _ => "",
    }));
}

namespace CustomerAnalytics.Display;

/// <summary>
/// A result that knows how to show itself as HTML. In a notebook it renders as that HTML
/// (see <see cref="NotebookFormatters"/>); elsewhere callers can save or print <see cref="ToHtml"/>.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public interface IHtmlRenderable
{
    /// <summary>An HTML fragment (no &lt;html&gt; wrapper) showing this value.</summary>
    string ToHtml();
}

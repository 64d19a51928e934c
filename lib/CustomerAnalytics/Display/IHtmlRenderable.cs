namespace CustomerAnalytics.Display;

/// <summary>
/// A result that knows how to show itself as HTML. In a notebook it renders as that HTML
/// (see <see cref="NotebookFormatters"/>); elsewhere callers can save or print <see cref="ToHtml"/>.
/// Implementing types must also carry <c>[TypeFormatterSource(typeof(NotebookFormatters))]</c>: the kernel
/// looks for that attribute on the class hierarchy only, not on interfaces (a test enforces it).
/// </summary>
public interface IHtmlRenderable
{
    /// <summary>An HTML fragment (no &lt;html&gt; wrapper) showing this value.</summary>
    string ToHtml();
}

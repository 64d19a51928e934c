using CustomerAnalytics.Display;
using Plotly.NET;

namespace CustomerAnalytics.Charts;

/// <summary>
/// A chart as a notebook shows it. The HTML is built when it is first rendered (not when the
/// object is created), so plotly.js goes into the first chart that actually reaches the page.
/// </summary>
// The attribute is repeated here on purpose: .NET Interactive looks for TypeFormatterSource on the
// class and its base classes, not on interfaces, so IHtmlRenderable's copy alone is not found.
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class NotebookChart : IHtmlRenderable
{
    private readonly Lazy<string> html;

    /// <param name="chart">The chart as drawn.</param>
    /// <param name="name">The name it was published under.</param>
    /// <param name="page">The notebook page the chart goes to (its workshop's): plotly.js is embedded in the first chart rendered there.</param>
    /// <param name="saved">What the host's chart output wrote, if there is one.</param>
    internal NotebookChart(GenericChart chart, string name, NotebookPage page, SavedChart? saved = null)
    {
        Chart = chart;
        Name = name;
        Saved = saved;
        html = new Lazy<string>(() =>
        {
            EmbedsPlotlyJs = page.ClaimPlotlyJs();
            return ChartHtml.Fragment(Chart, EmbedsPlotlyJs);
        });
    }

    /// <summary>The chart that is drawn (after styling, when it came from <see cref="Charts.Publish"/>).</summary>
    public GenericChart Chart { get; }

    /// <summary>The name given to <see cref="Charts.Publish"/> (or "chart" for <see cref="Charts.Show"/>).</summary>
    public string Name { get; }

    /// <summary>What the host's chart output wrote (<see cref="Workshop.ChartOutput"/>); null in a notebook.</summary>
    public SavedChart? Saved { get; }

    /// <summary>The standalone HTML file the host wrote, if any.</summary>
    public string? HtmlPath => Saved?.HtmlPath;

    /// <summary>The PNG file the host wrote, if any.</summary>
    public string? PngPath => Saved?.PngPath;

    /// <summary>Whether this chart's HTML carries plotly.js (true for the first chart rendered on a page).</summary>
    public bool EmbedsPlotlyJs { get; private set; }

    /// <summary>A div and a script drawing the chart; the first chart of a session also carries plotly.js.</summary>
    public string ToHtml() => html.Value;

    /// <summary>A one-line description (the plain-text view of the chart).</summary>
    public override string ToString()
    {
        var files = string.Join(", ", new[] { HtmlPath, PngPath }.OfType<string>());
        return $"Chart '{Name}'" + (files.Length > 0 ? $" (saved: {files})" : "") +
               (Saved?.Warning is { } warning ? $" [{warning}]" : "");
    }
}

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

    /// <param name="page">Which notebook page the chart goes to (its workshop's output folder; "" for <see cref="Charts.Show"/>):
    /// plotly.js is embedded in the first chart of each page.</param>
    internal NotebookChart(GenericChart chart, string name, string page, string? htmlPath = null, PngExportResult? png = null)
    {
        Chart = chart;
        Name = name;
        HtmlPath = htmlPath;
        Png = png;
        html = new Lazy<string>(() =>
        {
            EmbedsPlotlyJs = PlotlyEmbedding.Claim(page);
            return ChartHtml.Fragment(Chart, EmbedsPlotlyJs);
        });
    }

    /// <summary>The chart that is drawn (after styling, when it came from <see cref="Charts.Publish"/>).</summary>
    public GenericChart Chart { get; }

    /// <summary>The name given to <see cref="Charts.Publish"/> (or "chart" for <see cref="Charts.Show"/>).</summary>
    public string Name { get; }

    /// <summary>The standalone HTML file written by <see cref="Charts.Publish"/>, if any.</summary>
    public string? HtmlPath { get; }

    /// <summary>The PNG export done by <see cref="Charts.Publish"/>, if any (it may say it was skipped).</summary>
    public PngExportResult? Png { get; }

    /// <summary>Whether this chart's HTML carries plotly.js (true for the first chart rendered on a page).</summary>
    public bool EmbedsPlotlyJs { get; private set; }

    /// <summary>A div and a script drawing the chart; the first chart of a session also carries plotly.js.</summary>
    public string ToHtml() => html.Value;

    /// <summary>A one-line description (the plain-text view of the chart).</summary>
    public override string ToString()
    {
        var files = string.Join(", ", new[] { HtmlPath, Png is { Written: true } ? Png.Path : null }.OfType<string>());
        return $"Chart '{Name}'" + (files.Length > 0 ? $" (saved: {files})" : "") +
               (Png is { Skipped: true } ? $" [PNG skipped: {Png.Message}]" : "");
    }
}

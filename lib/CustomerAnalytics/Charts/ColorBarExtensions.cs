using Plotly.NET;

namespace CustomerAnalytics.Charts;

/// <summary>Colour-bar titles for heatmaps: Plotly.NET.CSharp's heatmap has no parameter for them.</summary>
public static class ColorBarExtensions
{
    /// <summary>Titles the colour bar of every heatmap-like trace: <c>heatmap.WithColorBarTitle("customers")</c>.</summary>
    /// <param name="chart">A chart with one or more heatmap, contour or 2-D histogram traces.</param>
    /// <param name="title">What the colour measures, with its unit.</param>
    public static GenericChart WithColorBarTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        foreach (var trace in GenericChart.getTraces(chart))
        {
            var text = new DynamicObj.DynamicObj();
            text.SetProperty("text", title);
            var colorBar = new DynamicObj.DynamicObj();
            colorBar.SetProperty("title", text);
            trace.SetProperty("colorbar", colorBar);
        }
        return chart;
    }
}

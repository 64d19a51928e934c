using Plotly.NET;

namespace CustomerAnalytics.Charts;

/// <summary>
/// Fills a gap in Plotly.NET.CSharp 0.14, which has <c>WithXAxisStyle</c>/<c>WithYAxisStyle</c> but no
/// way to set the chart title without the F# API.
/// </summary>
public static class ChartExtensions
{
    /// <summary>Sets the chart title: <c>Chart.Column(...).WithTitle("Customers per segment")</c>.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
    }

    /// <summary>Sets the axis titles: <c>chart.WithAxisTitles("recency (days)", "customers")</c>.</summary>
    public static GenericChart WithAxisTitles(this GenericChart chart, string xTitle, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var withX = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: xTitle);
        return Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(withX, TitleText: yTitle);
    }
}

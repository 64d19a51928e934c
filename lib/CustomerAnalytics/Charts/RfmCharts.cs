using CustomerAnalytics.Sql;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace CustomerAnalytics.Charts;

/// <summary>The charts of workshop 01, built from an <see cref="RfmResult"/>.</summary>
public static class RfmCharts
{
    /// <summary>Histograms of recency (days), frequency (orders) and monetary value, side by side.</summary>
    public static GenericChart Distributions(RfmResult result) =>
        CSharpChart.Grid(
            [
                Histogram(result, "recency_days", "recency (days since last order)", 40),
                Histogram(result, "frequency", "frequency (orders)", 20),
                Histogram(result, "monetary_total", "monetary (total spend)", 40),
            ], 1, 3)
            .WithTitle($"R, F and M across {result.Customers:N0} customers");

    // One panel of Distributions: named for its measure, axes titled, no legend (the x title says what it is).
    private static GenericChart Histogram(RfmResult result, string column, string measure, int bins) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithTraceInfo(
            FrameCharts.Histogram(result.Table, column, measure, bins, rowsAre: "customers"), Name: measure, ShowLegend: false)
            .WithAxisTitles(measure, "customers");

    /// <summary>Customers and share of revenue per segment.</summary>
    public static GenericChart Segments(RfmResult result)
    {
        var segments = FrameCharts.Labels(result.Segments, "segment");
        var customers = FrameCharts.Numbers(result.Segments, "customers");
        var share = FrameCharts.Numbers(result.Segments, "revenue_share").Select(s => Math.Round(100 * s, 1)).ToArray();
        var customerShare = customers.Select(c => Math.Round(100 * c / customers.Sum(), 1)).ToArray();
        return CSharpChart.Combine(
            [
                CSharpChart.Column<double, string, string>(customerShare, Keys: segments, Name: "% of customers"),
                CSharpChart.Column<double, string, string>(share, Keys: segments, Name: "% of revenue"),
            ])
            .WithTitle("Segments: share of customers and of revenue").WithAxisTitles("segment", "percent of all customers / of all revenue");
    }

    /// <summary>Customers in each cell of the R score x F score grid (5 x 5); F is the order-count band of 04_scores.sql.</summary>
    public static GenericChart RecencyFrequencyHeatmap(RfmResult result)
    {
        var counts = new double[5][];
        for (var r = 0; r < 5; r++) counts[r] = new double[5];
        var rScores = FrameCharts.Numbers(result.Table, "r_score");
        var fScores = FrameCharts.Numbers(result.Table, "f_score");
        for (var i = 0; i < rScores.Length; i++) counts[(int)rScores[i] - 1][(int)fScores[i] - 1]++;
        string[] labels = ["1", "2", "3", "4", "5"];
        return CSharpChart.Heatmap<double, string, string, string>(counts, X: labels, Y: labels).WithColorBarTitle("customers")
            .WithTitle("Customers by R score (rows) and F score (columns)").WithAxisTitles("F score (order band: 1 = one order, 4 = 4-5, 5 = 6 or more)", "R score (5 = most recent fifth)");
    }
}

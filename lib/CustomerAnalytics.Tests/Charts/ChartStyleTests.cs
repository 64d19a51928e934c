using CustomerAnalytics.Charts;
using Plotly.NET;
using Plotly.NET.CSharp;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;
using CsChart = Plotly.NET.CSharp.Chart;

namespace CustomerAnalytics.Tests.Charts;

public sealed class ChartStyleTests
{
    [Fact]
    public void ReplacesTheTemplateSetsTheHeightAndFollowsTheWidthOfTheOutputArea()
    {
        var json = GenericChart.toJson(ChartStyle.Workshop.Apply(BarChart().WithSize(900, 500)));

        Assert.DoesNotContain("\"width\":", json);
        Assert.Contains("\"height\":540", json);
        Assert.Contains("\"autosize\":true", json);
        Assert.Contains("\"config\":{\"responsive\":true}", json);
        Assert.Contains("\"family\":\"\\\"Segoe UI\\\"", json);
        Assert.Contains("\"plot_bgcolor\":\"#ffffff\"", json);
        Assert.DoesNotContain("rgba(229, 236, 246, 1.0)", json); // Plotly.NET's default grey plot background is gone
    }

    [Fact]
    public void HeatmapsGetTheSequentialScaleThroughATraceTemplate()
    {
        var json = GenericChart.toJson(ChartStyle.Workshop.Apply(Heatmap()));
        Assert.Contains("\"heatmap\":[{\"type\":\"heatmap\",\"colorscale\":[[0.0,\"#f7fbff\"]", json);
        Assert.Contains("[1.0,\"#08306b\"]", json);
    }

    [Fact]
    public void ExplicitChartSettingsWinOverTheStyle()
    {
        var red = CsChart.Column<int, string, string>(values: [1, 2], Keys: new[] { "a", "b" }, MarkerColor: Color.fromString("red"));
        var json = GenericChart.toJson(ChartStyle.Workshop.Apply(red));
        Assert.Contains("\"marker\":{\"color\":\"red\"", json);
    }

    [Fact]
    public void LeavesTheInputChartUntouched()
    {
        var chart = Heatmap();
        var before = GenericChart.toJson(chart);
        _ = (ChartStyle.Workshop with { Height = 800 }).Apply(chart);
        Assert.Equal(before, GenericChart.toJson(chart));
    }

    [Fact]
    public void ColorwayFollowsTheStyle()
    {
        var style = ChartStyle.Workshop with { Colorway = ["#111111", "#222222"] };
        Assert.Contains("\"colorway\":[\"#111111\",\"#222222\"]", GenericChart.toJson(style.Apply(BarChart())));
    }

    [Fact]
    public void FontsAreSizedForAProjector()
    {
        var json = GenericChart.toJson(ChartStyle.Workshop.Apply(BarChart()));
        Assert.Contains("\"tickfont\":{\"size\":17}", json);
        Assert.Contains("\"title\":{\"standoff\":12,\"font\":{\"size\":20}}", json);
        Assert.Contains("\"title\":{\"font\":{\"size\":24}", json);
    }

    [Fact]
    public void HeatmapColourBarsGetTitleAndTickFonts()
    {
        var json = GenericChart.toJson(ChartStyle.Workshop.Apply(Heatmap()));
        Assert.Contains("\"colorbar\":{\"title\":{\"side\":\"right\",\"font\":{\"size\":20}},\"tickfont\":{\"size\":17}}", json);
    }
}

using CustomerAnalytics.Charts;
using Plotly.NET;
using Plotly.NET.CSharp;
using CsChart = Plotly.NET.CSharp.Chart;

namespace CustomerAnalytics.Tests.Charts;

public sealed class ChartLintTests
{
    private static GenericChart Titled(GenericChart chart) => chart.WithTitle("A chart");

    private static GenericChart Bars(string? name = "customers") => name is null
        ? CsChart.Column<int, string, string>([3, 4], Keys: new[] { "a", "b" })
        : CsChart.Column<int, string, string>([3, 4], Keys: new[] { "a", "b" }, Name: name);

    [Fact]
    public void A_chart_with_a_title_titled_axes_and_named_traces_passes()
    {
        var chart = Titled(CsChart.Combine([Bars("customers"), Bars("revenue")]).WithAxisTitles("segment", "percent"));
        Assert.Empty(ChartLint.Problems(chart));
    }

    [Fact]
    public void Each_untitled_axis_and_a_missing_chart_title_are_reported()
    {
        var problems = ChartLint.Problems(Bars());
        Assert.Equal(
            ["The chart has no title.", "The axis xaxis has no title: name it with its unit.", "The axis yaxis has no title: name it with its unit."],
            problems);
    }

    [Fact]
    public void A_trace_called_trace_N_is_reported()
    {
        var chart = Titled(Bars("trace 0").WithAxisTitles("x", "y"));
        var problem = Assert.Single(ChartLint.Problems(chart));
        Assert.Contains("default name 'trace 0'", problem);
    }

    [Fact]
    public void Unnamed_traces_are_reported_only_when_a_legend_shows()
    {
        Assert.Empty(ChartLint.Problems(Titled(Bars(null).WithAxisTitles("x", "y"))));

        var two = Titled(CsChart.Combine([Bars(null), Bars("named")]).WithAxisTitles("x", "y"));
        var problem = Assert.Single(ChartLint.Problems(two));
        Assert.Equal("Trace 0 has no name but the legend shows it (plotly would call it 'trace 0').", problem);

        GenericChart.getLayout(two).SetProperty("showlegend", false);
        Assert.Empty(ChartLint.Problems(two));
    }

    [Fact]
    public void A_heatmap_needs_a_colour_bar_title()
    {
        var heatmap = Titled(ChartTestSupport.Heatmap().WithAxisTitles("F score", "R score"));
        Assert.Equal(["Trace 0 (heatmap) has a colour bar without a title: say what the colour measures."], ChartLint.Problems(heatmap));
        Assert.Empty(ChartLint.Problems(heatmap.WithColorBarTitle("customers")));
    }

    [Fact]
    public void Axes_of_subplots_and_second_y_axes_are_checked_too()
    {
        var grid = Titled(CsChart.Grid([Bars().WithAxisTitles("left x", "left y"), Bars()], 1, 2));
        var problems = ChartLint.Problems(grid);
        Assert.Contains("The axis xaxis2 has no title: name it with its unit.", problems);
        Assert.Contains("The axis yaxis2 has no title: name it with its unit.", problems);
        Assert.DoesNotContain("The axis xaxis has no title: name it with its unit.", problems);
    }

    [Fact]
    public void The_axes_of_a_3D_scene_are_checked()
    {
        var points = Titled(CsChart.Point3D<double, double, double, string>([1.0], [2.0], [3.0], Name: "points"));
        Assert.Equal(["The 3-D scene's xaxis has no title.", "The 3-D scene's yaxis has no title.", "The 3-D scene's zaxis has no title."],
            ChartLint.Problems(points));
    }

    [Fact]
    public void Reads_the_figure_json_of_a_saved_chart()
    {
        const string figure = """{"data":[{"type":"bar","name":"trace 2"}],"layout":{"title":{"text":"t"},"xaxis":{"title":{"text":"x"}},"yaxis":{"title":"y"}}}""";
        Assert.Equal(["Trace 0 (bar) has plotly's default name 'trace 2': give it a name that says what it shows."], ChartLint.Problems(figure));
    }
}

using CustomerAnalytics.Charts;
using Plotly.NET;
using Plotly.NET.TraceObjects;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;
using CustomerAnalytics.Segmentation.Evaluation;

namespace CustomerAnalytics.Segmentation.Charts;

/// <summary>The charts of workshop 02, one method a chart; publish them with <c>workshop.Publish(chart, name)</c>.</summary>
public static class SegmentationCharts
{
    // 3-D and 2-D scatters draw at most this many customers (a seeded sample) so the saved HTML stays small.
    private const int MaxScatterPoints = 4000;

    /// <summary>Histograms of each feature: top row as in the table, bottom row as k-means sees it (after log and scaling).</summary>
    public static GenericChart FeatureDistributions(CustomerFeatures features)
    {
        var top = features.Options.Features.Select((f, j) => Histogram(features.Raw.Select(r => r[j]), f.Column + " (raw)"));
        var bottom = features.Options.Features.Select((f, j) => Histogram(features.Scaled.Select(r => r[j]), f.Label + " (scaled)"));
        var grid = Chart.Grid([.. top, .. bottom], 2, features.Width);
        GenericChart.getLayout(grid).SetProperty("showlegend", false);
        return grid.WithTitle("Features before (top) and after (bottom) log and scaling");
    }

    // One panel: the x title names the feature, so the grid needs no legend.
    private static GenericChart Histogram(IEnumerable<double> values, string name) =>
        Chart.Histogram<double, double, string>(X: values.ToArray(), Name: name, NBinsX: 40)
            .WithXAxisStyle<double, double, string>(TitleText: name)
            .WithYAxisStyle<double, double, string>(TitleText: "customers");

    /// <summary>ML.NET's average (squared) distance to the centroid against k, the chosen k marked: look for the bend.</summary>
    public static GenericChart Elbow(KSelection selection, int? chosen = null) =>
        Metric(selection, r => r.AverageDistance, "average squared distance to the centroid (scaled units²)", chosen ?? selection.Elbow, "Elbow: average distance by k");

    /// <summary>Mean silhouette against k (higher is better).</summary>
    public static GenericChart Silhouette(KSelection selection, int? chosen = null) =>
        Metric(selection, r => r.Silhouette, "mean silhouette (higher is better)", chosen ?? selection.BestBySilhouette, "Silhouette by k");

    /// <summary>Davies-Bouldin index against k (lower is better).</summary>
    public static GenericChart DaviesBouldin(KSelection selection, int? chosen = null) =>
        Metric(selection, r => r.DaviesBouldin, "Davies-Bouldin index (lower is better)", chosen ?? selection.BestByDaviesBouldin, "Davies-Bouldin by k");

    private static GenericChart Metric(KSelection selection, Func<KSelectionRow, double> value, string axis, int chosen, string title)
    {
        var ks = selection.Rows.Select(r => r.K).ToArray();
        var line = Chart.Line<int, double, string>(ks, selection.Rows.Select(value).ToArray(), ShowMarkers: true, Name: axis);
        var mark = Chart.Point<int, double, string>([chosen], [value(selection[chosen])], Name: $"k = {chosen}",
            Marker: MarkerOf(16, "circle-open"));
        return Chart.Combine([line, mark])
            .WithXAxisStyle<int, int, string>(TitleText: "k (number of clusters)")
            .WithYAxisStyle<double, double, string>(TitleText: axis)
            .WithTitle(title);
    }

    /// <summary>Each cluster's mean recency, frequency and spend as a multiple of the overall mean (1 = average customer).</summary>
    public static GenericChart Profiles(ClusterProfiles profiles, CustomerFeatures features)
    {
        var names = profiles.Select(p => $"{p.Cluster} {p.Name}").ToArray();
        var (r, f, m) = (features.Recency.Average(), features.Frequency.Average(), features.Monetary.Average());
        return Chart.Combine([
                Chart.Column<double, string, string>(profiles.Select(p => p.MeanRecency / r).ToArray(), Keys: names, Name: "days since last order"),
                Chart.Column<double, string, string>(profiles.Select(p => p.MeanFrequency / f).ToArray(), Keys: names, Name: "orders"),
                Chart.Column<double, string, string>(profiles.Select(p => p.MeanMonetary / m).ToArray(), Keys: names, Name: "total spend"),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: "cluster")
            .WithYAxisStyle<double, double, string>(TitleText: "cluster mean ÷ overall mean")
            .WithTitle("Cluster profiles: recency, frequency and spend relative to the average customer");
    }

    /// <summary>Share of customers against share of revenue per cluster.</summary>
    public static GenericChart Shares(ClusterProfiles profiles)
    {
        var names = profiles.Select(p => $"{p.Cluster} {p.Name}").ToArray();
        return Chart.Combine([
                Chart.Column<double, string, string>(profiles.Select(p => 100 * p.Share).ToArray(), Keys: names, Name: "% of customers"),
                Chart.Column<double, string, string>(profiles.Select(p => 100 * p.RevenueShare).ToArray(), Keys: names, Name: "% of revenue"),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: "cluster")
            .WithYAxisStyle<double, double, string>(TitleText: "percent of all customers / of all revenue")
            .WithTitle("Who brings the revenue: customers and revenue per segment");
    }

    /// <summary>The customers on the first two principal components of the scaled features, coloured by cluster; centroids as crosses.</summary>
    public static GenericChart Projection2D(ClusterAssignment assignment, SegmentationModel model, int seed = 42)
    {
        var pca = PcaProjection.Fit(assignment.Points);
        var shown = Sample(assignment.Points.Count, seed);
        var xy = pca.Project(shown.Select(i => assignment.Points[i]).ToArray());
        var traces = Enumerable.Range(1, model.K).Select(c =>
        {
            var members = shown.Select((i, n) => (i, n)).Where(t => assignment.Clusters[t.i] == c).Select(t => xy[t.n]).ToArray();
            return Chart.Point<double, double, string>(members.Select(p => p[0]).ToArray(), members.Select(p => p[1]).ToArray(),
                Name: $"{c} {model.SegmentNames[c - 1]}", Opacity: 0.6);
        }).ToList();
        var centroids = pca.Project(model.Centroids);
        traces.Add(Chart.Point<double, double, string>(centroids.Select(p => p[0]).ToArray(), centroids.Select(p => p[1]).ToArray(),
            Name: "centroids", MultiText: Enumerable.Range(1, model.K).Select(c => c.ToString()).ToArray(),
            Marker: MarkerOf(16, "x", "black")));
        var v = pca.ExplainedVarianceRatio;
        return Chart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: $"PC1 ({v[0]:P0} of variance)")
            .WithYAxisStyle<double, double, string>(TitleText: $"PC2 ({v[1]:P0} of variance)")
            .WithTitle("Customers on the first two principal components, coloured by cluster");
    }

    /// <summary>The customers in the scaled 3-D feature space (first three features), coloured by cluster; centroids as diamonds.</summary>
    public static GenericChart Scatter3D(ClusterAssignment assignment, SegmentationModel model, int seed = 42)
    {
        if (model.Features.Features.Count < 3)
            throw new SegmentationException("A 3-D scatter needs at least 3 features; use Projection2D for fewer.");
        var shown = Sample(assignment.Points.Count, seed);
        var traces = Enumerable.Range(1, model.K).Select(c =>
        {
            var members = shown.Where(i => assignment.Clusters[i] == c).Select(i => assignment.Points[i]).ToArray();
            return Chart.Point3D<double, double, double, string>(members.Select(p => p[0]).ToArray(), members.Select(p => p[1]).ToArray(),
                members.Select(p => p[2]).ToArray(), Name: $"{c} {model.SegmentNames[c - 1]}", Opacity: 0.6,
                Marker: MarkerOf(3));
        }).ToList();
        traces.Add(Chart.Point3D<double, double, double, string>(model.Centroids.Select(p => p[0]).ToArray(), model.Centroids.Select(p => p[1]).ToArray(),
            model.Centroids.Select(p => p[2]).ToArray(), Name: "centroids",
            Marker: MarkerOf(8, "diamond", "black")));
        var chart = Chart.Combine(traces).WithTitle("Clusters in the three scaled features (centroids: black diamonds)");
        // Plotly.NET.CSharp has no 3-D axis titles; the scene is a plain plotly layout object.
        var scene = new DynamicObj.DynamicObj();
        foreach (var (axis, feature) in new[] { "xaxis", "yaxis", "zaxis" }.Zip(model.Features.Features))
        {
            var title = new DynamicObj.DynamicObj();
            title.SetProperty("text", feature.Label + " (scaled)");
            var axisStyle = new DynamicObj.DynamicObj();
            axisStyle.SetProperty("title", title);
            scene.SetProperty(axis, axisStyle);
        }
        GenericChart.getLayout(chart).SetProperty("scene", scene);
        return chart;
    }

    /// <summary>Customers by found cluster (rows) and true segment (columns).</summary>
    public static GenericChart TruthHeatmap(SegmentAgreement comparison)
    {
        var rows = comparison.Segments.Select((s, c) => $"{c + 1} {s}").ToArray();
        var z = rows.Select((_, c) => comparison.TrueSegments.Select((_, t) => comparison.Counts[c, t]).ToArray()).ToArray();
        return Chart.Heatmap<int, string, string, string>(z, X: comparison.TrueSegments.ToArray(), Y: rows)
            .WithColorBarTitle("customers")
            .WithXAxisStyle<double, double, string>(TitleText: "true segment (generator)")
            .WithYAxisStyle<double, double, string>(TitleText: "found cluster")
            .WithTitle($"Found clusters against true segments (ARI {comparison.AdjustedRandIndex:F2})");
    }

    // Plotly.NET's Marker.init has F# optional arguments C# must all pass; setting the plotly properties is clearer.
    private static Marker MarkerOf(int size, string? symbol = null, string? color = null)
    {
        var marker = new Marker();
        marker.SetProperty("size", size);
        if (symbol is not null) marker.SetProperty("symbol", symbol);
        if (color is not null) marker.SetProperty("color", color);
        return marker;
    }

    private static int[] Sample(int n, int seed) =>
        n <= MaxScatterPoints ? Enumerable.Range(0, n).ToArray() : ClusterQuality.SampleIndices(n, MaxScatterPoints, seed);
}

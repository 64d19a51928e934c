using CustomerAnalytics.Display;

namespace CustomerAnalytics.Segmentation.Models;

/// <summary>One customer scored by the model.</summary>
/// <param name="Id">Customer id.</param>
/// <param name="Cluster">Nearest centroid, 1 to k.</param>
/// <param name="Segment">That cluster's name.</param>
/// <param name="Distances">Distance to every centroid (index 0 = cluster 1).</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record CustomerScore(string Id, int Cluster, string Segment, IReadOnlyList<double> Distances) : IHtmlRenderable
{
    /// <inheritdoc />
    public override string ToString() => $"{Id}: cluster {Cluster} ({Segment}), distance {Distances[Cluster - 1]:F3}";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["customer", "cluster", "segment", .. Distances.Select((_, i) => $"distance to {i + 1}")],
        [[Id, Cluster, Segment, .. Distances.Select(d => (object?)d)]], ToString());
}

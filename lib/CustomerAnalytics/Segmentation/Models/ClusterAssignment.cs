namespace CustomerAnalytics.Segmentation.Models;

/// <summary>Which cluster each customer is in (1..k) and how far (scaled space) they are from every centroid.</summary>
/// <param name="Clusters">Cluster id per customer, 1 to k, in feature order.</param>
/// <param name="Distances">Euclidean distance from each customer to each centroid (index 0 = cluster 1).</param>
/// <param name="Points">The customers' scaled features, as the model saw them.</param>
public sealed record ClusterAssignment(IReadOnlyList<int> Clusters, IReadOnlyList<double[]> Distances, IReadOnlyList<double[]> Points);

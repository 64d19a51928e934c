namespace CustomerAnalytics.Segmentation;

/// <summary>The quality of k-means with one k.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Inertia">Sum of squared distances to the own centroid (lower is tighter; always falls with k).</param>
/// <param name="Silhouette">Mean silhouette (higher is better, at most 1).</param>
/// <param name="DaviesBouldin">Davies-Bouldin index (lower is better).</param>
/// <param name="SmallestCluster">Customers in the smallest cluster (a tiny cluster is rarely a useful segment).</param>
/// <param name="Elapsed">Time to train and measure this k.</param>
public sealed record KSelectionRow(int K, double Inertia, double Silhouette, double DaviesBouldin, int SmallestCluster, TimeSpan Elapsed);

using Microsoft.ML;
using Microsoft.ML.Data;
using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>The quality of k-means with one k: ML.NET's clustering metrics (from <see cref="ClusterMeasures"/>) plus the silhouette, which ML.NET lacks.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="AverageDistance">ML.NET's <see cref="ClusteringMetrics.AverageDistance"/>: the mean squared distance of a
/// customer to their centroid (the inertia divided by the number of customers; lower is tighter, always falls with k).</param>
/// <param name="Silhouette">Mean silhouette (higher is better, at most 1), on <paramref name="SilhouetteSample"/> customers.</param>
/// <param name="DaviesBouldin">ML.NET's <see cref="ClusteringMetrics.DaviesBouldinIndex"/> (lower is better).</param>
/// <param name="SmallestCluster">Customers in the smallest cluster (a tiny cluster is rarely a useful segment).</param>
/// <param name="Customers">Customers clustered.</param>
/// <param name="SilhouetteSample">Customers the silhouette was computed on (all of them, or a seeded sample).</param>
public sealed record KSelectionRow(int K, double AverageDistance, double Silhouette, double DaviesBouldin, int SmallestCluster, int Customers, int SilhouetteSample)
{
    /// <summary>
    /// The row for one k from the <paramref name="measures"/> of its model's predictions (<see cref="ClusterMeasures.Of"/>):
    /// their average distance and Davies-Bouldin index, and the silhouette computed exactly, on a seeded sample of
    /// <paramref name="silhouetteSample"/> customers when there are more (the same customers for every k).
    /// </summary>
    /// <exception cref="SegmentationException">The predictions hold fewer than 2 clusters.</exception>
    public static KSelectionRow Measure(int k, ClusterMeasures measures, int silhouetteSample, int seed)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var n = measures.Labels.Count;
        var sampled = n <= silhouetteSample ? Enumerable.Range(0, n).ToArray() : ClusterQuality.SampleIndices(n, silhouetteSample, seed);
        var silhouette = ClusterQuality.Silhouette(sampled.Select(measures.Point).ToArray(), sampled.Select(i => measures.Labels[i]).ToArray());
        return new KSelectionRow(k, measures.AverageDistance, silhouette, measures.DaviesBouldinIndex,
            measures.Labels.GroupBy(l => l).Min(g => g.Count()), n, sampled.Length);
    }

    /// <summary>
    /// The row for one k straight from its model's <paramref name="predictions"/> (the <c>Transform</c> output: its
    /// <c>Score</c> and <paramref name="featureColumn"/>): <see cref="ClusterMeasures.Of"/>, then the overload above.
    /// </summary>
    /// <exception cref="SegmentationException">The predictions lack the score or feature column, or hold fewer than 2 clusters.</exception>
    public static KSelectionRow Measure(int k, IDataView predictions, int silhouetteSample, int seed, string featureColumn = "Features") =>
        Measure(k, ClusterMeasures.Of(predictions, featureColumn), silhouetteSample, seed);
}

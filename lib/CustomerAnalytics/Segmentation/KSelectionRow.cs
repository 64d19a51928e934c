using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Segmentation;

/// <summary>The quality of k-means with one k: ML.NET's own clustering metrics plus the silhouette, which ML.NET lacks.</summary>
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
    /// The row for one k from what ML.NET gives: <paramref name="metrics"/> of <c>mlContext.Clustering.Evaluate</c> and
    /// the <paramref name="predictions"/> it evaluated (their <c>PredictedLabel</c> and <paramref name="featureColumn"/>,
    /// from which the silhouette is computed exactly, on a seeded sample of <paramref name="silhouetteSample"/>
    /// customers when there are more; the same customers for every k).
    /// </summary>
    /// <exception cref="SegmentationException">The predictions lack the label or feature column, or hold fewer than 2 clusters.</exception>
    public static KSelectionRow Measure(int k, ClusteringMetrics metrics, IDataView predictions, int silhouetteSample, int seed, string featureColumn = "Features")
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(predictions);
        // Only the sampled customers' points are read: the silhouette needs no others (the same seeded sample as SampledSilhouette's).
        var (points, labels) = MlData.ReadSampledPredictions(predictions, featureColumn,
            n => n <= silhouetteSample ? Enumerable.Range(0, n).ToArray() : ClusterQuality.SampleIndices(n, silhouetteSample, seed));
        var sampledLabels = points.Length == labels.Length ? labels
            : ClusterQuality.SampleIndices(labels.Length, silhouetteSample, seed).Select(i => labels[i]).ToArray();
        return new KSelectionRow(k, metrics.AverageDistance, ClusterQuality.Silhouette(points, sampledLabels),
            metrics.DaviesBouldinIndex, labels.GroupBy(l => l).Min(g => g.Count()), labels.Length, points.Length);
    }
}

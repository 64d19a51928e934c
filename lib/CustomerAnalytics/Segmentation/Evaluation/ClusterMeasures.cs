using Microsoft.ML;
using Microsoft.ML.Data;
using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>
/// What <c>mlContext.Clustering.Evaluate</c> reports of a k-means model's predictions (the average distance, to the
/// same floating-point operations, and the Davies-Bouldin index, computed in double where ML.NET uses float: a test
/// checks both against it), from one pass over them instead of its two, and without its per-row sorting; the pass also
/// keeps each customer's cluster and point for the silhouette.
/// </summary>
public sealed class ClusterMeasures
{
    private readonly float[] _points; // row-major, Width floats per customer

    private ClusterMeasures(int k, int width, int[] labels, float[] points, double averageDistance, double daviesBouldin)
    {
        K = k;
        Width = width;
        Labels = labels;
        _points = points;
        AverageDistance = averageDistance;
        DaviesBouldinIndex = daviesBouldin;
    }

    /// <summary>Number of clusters (the length of the <c>Score</c> vector).</summary>
    public int K { get; }

    /// <summary>Features per customer.</summary>
    public int Width { get; }

    /// <summary>Each customer's cluster, 1..<see cref="K"/> (the nearest centroid), in the order of the predictions.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The mean squared distance of a customer to their centroid (ML.NET's <see cref="ClusteringMetrics.AverageDistance"/>).</summary>
    public double AverageDistance { get; }

    /// <summary>The sum of squared distances to the centroids (scikit-learn's inertia): <see cref="AverageDistance"/> times the customers.</summary>
    public double Inertia => AverageDistance * Labels.Count;

    /// <summary>ML.NET's <see cref="ClusteringMetrics.DaviesBouldinIndex"/> (lower is better).</summary>
    public double DaviesBouldinIndex { get; }

    /// <summary>The point (<c>Width</c> features) of the customer at <paramref name="row"/>.</summary>
    public double[] Point(int row) => Array.ConvertAll(_points[(row * Width)..((row + 1) * Width)], v => (double)v);

    /// <summary>
    /// Reads the <c>Score</c> (squared distance to every centroid) and <paramref name="featureColumn"/> of every row of a
    /// fitted k-means pipeline's <c>Transform</c> output once. As ML.NET's evaluator does: the cluster is the nearest
    /// centroid (the first on a tie), the average distance is the mean of that score, and the Davies-Bouldin index is
    /// computed from the means of the clusters' points and the straight-line distances to them.
    /// </summary>
    /// <exception cref="SegmentationException">A column is missing, or there are no rows.</exception>
    public static ClusterMeasures Of(IDataView predictions, string featureColumn = MlData.FeaturesColumn)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        MlData.RequireColumns(predictions, featureColumn, MlData.ScoreColumn);
        var featureCol = predictions.Schema[featureColumn];
        var scoreCol = predictions.Schema[MlData.ScoreColumn];
        int k = ((VectorDataViewType)scoreCol.Type).Size, width = ((VectorDataViewType)featureCol.Type).Size;
        var labels = new List<int>();
        var points = new List<float>();
        var sums = new double[k * width];
        var sizes = new double[k];
        double sumMinScores = 0;
        using (var cursor = predictions.GetRowCursor([featureCol, scoreCol]))
        {
            var features = cursor.GetGetter<VBuffer<float>>(featureCol);
            var scores = cursor.GetGetter<VBuffer<float>>(scoreCol);
            VBuffer<float> f = default, s = default;
            var point = new float[width];
            while (cursor.MoveNext())
            {
                scores(ref s);
                features(ref f);
                var sv = s.GetValues();
                var nearest = 0;
                for (var c = 1; c < k; c++)
                    if (sv[c] < sv[nearest]) nearest = c;
                sumMinScores += sv[nearest];
                sizes[nearest]++;
                labels.Add(nearest + 1);
                f.CopyTo(point);
                for (var d = 0; d < width; d++) sums[nearest * width + d] += point[d];
                points.AddRange(point);
            }
        }
        if (labels.Count == 0) throw new SegmentationException("The predictions have no rows: measure a model's Transform of the customers it clustered.");
        var flat = points.ToArray();
        return new ClusterMeasures(k, width, labels.ToArray(), flat, sumMinScores / labels.Count, DaviesBouldin(k, width, labels, flat, sums, sizes));
    }

    // As ML.NET's evaluator, but in double where it works in float (its float sums over thousands of customers drift by
    // a few 1e-6, relative): centroids = the means of the clusters' points; S_i = the mean distance to centroid i; DB = the mean over
    // clusters of the largest (S_i + S_j) / distance(c_i, c_j); empty clusters are skipped but counted.
    private static double DaviesBouldin(int k, int width, List<int> labels, float[] points, double[] centroids, double[] sizes)
    {
        for (var c = 0; c < k; c++)
            for (var d = 0; d < width; d++) centroids[c * width + d] /= sizes[c];
        var spread = new double[k];
        for (var row = 0; row < labels.Count; row++)
        {
            var c = labels[row] - 1;
            double squared = 0;
            for (var d = 0; d < width; d++) { var diff = points[row * width + d] - centroids[c * width + d]; squared += diff * diff; }
            spread[c] += Math.Sqrt(squared);
        }
        for (var c = 0; c < k; c++) spread[c] /= sizes[c];
        double total = 0;
        for (var i = 0; i < k; i++)
        {
            if (sizes[i] == 0) continue;
            double worst = 0;
            for (var j = 0; j < k; j++)
            {
                if (i == j || sizes[j] == 0) continue;
                double squared = 0;
                for (var d = 0; d < width; d++) { var diff = centroids[i * width + d] - centroids[j * width + d]; squared += diff * diff; }
                worst = Math.Max(worst, (spread[i] + spread[j]) / Math.Sqrt(squared));
            }
            total += worst;
        }
        return total / k;
    }
}

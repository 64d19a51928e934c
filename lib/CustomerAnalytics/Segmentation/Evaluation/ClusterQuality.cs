using CustomerAnalytics.Segmentation.Data;


namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>
/// The measures of a clustering that ML.NET lacks: the silhouette (how well each customer sits in its own cluster)
/// and the adjusted Rand index (how far two labellings agree). Inertia (as the average distance) and the
/// Davies-Bouldin index come from <see cref="ClusterMeasures"/> (ML.NET's <c>Clustering.Evaluate</c> figures). Labels are cluster numbers (any
/// integers); points are rows of equal length (the scaled features).
/// </summary>
public static class ClusterQuality
{
    /// <summary>
    /// Mean silhouette, exactly: for each point, a = mean distance to the other points of its cluster,
    /// b = smallest mean distance to the points of another cluster, s = (b - a) / max(a, b); s = 0 for a point
    /// alone in its cluster. From -1 (wrong cluster) through 0 (on a border) to 1 (tight, well separated).
    /// O(n²) time: use <see cref="SampledSilhouette"/> for large data.
    /// </summary>
    /// <exception cref="SegmentationException">Fewer than 2 clusters, or points and labels differ in length.</exception>
    public static double Silhouette(IReadOnlyList<double[]> points, IReadOnlyList<int> labels)
    {
        Check(points, labels);
        var clusters = labels.Distinct().Order().ToArray();
        if (clusters.Length < 2)
            throw new SegmentationException($"The silhouette needs at least 2 clusters; these {points.Count:N0} points are all in cluster {clusters[0]}.");
        var index = clusters.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        int n = points.Count, width = points[0].Length, k = clusters.Length;
        var sizes = new int[k];
        var of = labels.Select(l => index[l]).ToArray(); // cluster position per point, looked up once
        foreach (var c in of) sizes[c]++;
        // One flat array and each pair once (the distance is symmetric): the n² loop is the whole cost.
        var flat = new double[n * width];
        for (int i = 0; i < n; i++) points[i].CopyTo(flat, i * width);
        var sums = new double[n * k]; // sums[i * k + c]: total distance from point i to the points of cluster c
        for (int i = 0; i < n; i++)
        {
            int ci = of[i], rowI = i * k;
            for (int j = i + 1; j < n; j++)
            {
                double squared = 0;
                for (int d = 0; d < width; d++) { var diff = flat[i * width + d] - flat[j * width + d]; squared += diff * diff; }
                var distance = Math.Sqrt(squared);
                sums[rowI + of[j]] += distance;
                sums[j * k + ci] += distance;
            }
        }

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            int own = of[i];
            if (sizes[own] == 1) continue; // s = 0 by convention
            double a = sums[i * k + own] / (sizes[own] - 1), b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
                if (c != own) b = Math.Min(b, sums[i * k + c] / sizes[c]);
            var denominator = Math.Max(a, b);
            total += denominator == 0 ? 0 : (b - a) / denominator;
        }
        return total / n;
    }

    /// <summary>
    /// The silhouette of a seeded random subsample of <paramref name="sampleSize"/> points (exact when there
    /// are no more points than that). The same seed always picks the same customers.
    /// </summary>
    public static double SampledSilhouette(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, int sampleSize, int seed)
    {
        Check(points, labels);
        if (points.Count <= sampleSize) return Silhouette(points, labels);
        var picked = SampleIndices(points.Count, sampleSize, seed);
        return Silhouette(picked.Select(i => points[i]).ToArray(), picked.Select(i => labels[i]).ToArray());
    }

    /// <summary>
    /// Adjusted Rand index between two labellings of the same items: 1 = the same partition (whatever the
    /// label names), about 0 = no better than chance, can be negative. Compares found clusters with true segments.
    /// </summary>
    public static double AdjustedRandIndex<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        if (a.Count != b.Count) throw new SegmentationException($"Cannot compare labellings of {a.Count:N0} and {b.Count:N0} items: they must label the same customers.");
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var cells = a.Zip(b).GroupBy(p => p).Sum(g => Pairs(g.Count()));
        var rows = a.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var columns = b.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var total = Pairs(a.Count);
        var expected = rows * columns / total;
        var max = (rows + columns) / 2;
        return max == expected ? 1.0 : (cells - expected) / (max - expected);
    }

    /// <summary>Distinct indices in [0, n), a seeded shuffle's first <paramref name="size"/>, in ascending order.</summary>
    internal static int[] SampleIndices(int n, int size, int seed)
    {
        var all = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(all);
        return all[..size].Order().ToArray();
    }

    private static void Check(IReadOnlyList<double[]> points, IReadOnlyList<int> labels)
    {
        if (points.Count != labels.Count)
            throw new SegmentationException($"{points.Count:N0} points but {labels.Count:N0} labels: give one cluster label per point.");
        if (points.Count == 0) throw new SegmentationException("No points to measure.");
    }
}

using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Segmentation.Charts;

/// <summary>
/// Principal component analysis of a few features (the covariance matrix is small, so a Jacobi eigen-decomposition
/// is exact and quick). Used to draw the clusters in 2-D.
/// </summary>
/// <param name="Mean">Feature means that are subtracted first.</param>
/// <param name="Components">Unit directions, largest variance first.</param>
/// <param name="ExplainedVarianceRatio">Share of the total variance along each component.</param>
public sealed record PcaProjection(double[] Mean, IReadOnlyList<double[]> Components, IReadOnlyList<double> ExplainedVarianceRatio)
{
    /// <summary>Fits <paramref name="components"/> principal components to <paramref name="points"/>.</summary>
    public static PcaProjection Fit(IReadOnlyList<double[]> points, int components = 2)
    {
        if (points.Count < 2) throw new SegmentationException("PCA needs at least 2 points.");
        int d = points[0].Length;
        if (components < 1 || components > d) throw new SegmentationException($"PCA of {d} features can have 1 to {d} components, not {components}.");
        var mean = Enumerable.Range(0, d).Select(j => points.Average(p => p[j])).ToArray();
        var cov = new double[d, d];
        foreach (var p in points)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    cov[a, b] += (p[a] - mean[a]) * (p[b] - mean[b]) / (points.Count - 1);
        var (values, vectors) = Jacobi(cov);
        var order = Enumerable.Range(0, d).OrderByDescending(i => values[i]).ToArray();
        var total = values.Sum();
        return new PcaProjection(mean,
            order.Take(components).Select(i => Canonical(Enumerable.Range(0, d).Select(r => vectors[r, i]).ToArray())).ToArray(),
            order.Take(components).Select(i => total == 0 ? 0 : values[i] / total).ToArray());
    }

    /// <summary>The coordinates of each point along the components.</summary>
    public double[][] Project(IReadOnlyList<double[]> points) =>
        points.Select(p => Components.Select(c => c.Select((w, j) => w * (p[j] - Mean[j])).Sum()).ToArray()).ToArray();

    // Eigenvectors have no sign; fix it (largest entry positive) so the picture does not flip between runs.
    private static double[] Canonical(double[] v) => v.MaxBy(Math.Abs) < 0 ? v.Select(x => -x).ToArray() : v;

    private static (double[] Values, double[,] Vectors) Jacobi(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-22) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        var akp = a[k, p]; var akq = a[k, q];
                        a[k, p] = c * akp - s * akq; a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        var apk = a[p, k]; var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk; a[q, k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        var vkp = v[k, p]; var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq; v[k, q] = s * vkp + c * vkq;
                    }
                }
        }
        return (Enumerable.Range(0, n).Select(i => a[i, i]).ToArray(), v);
    }
}

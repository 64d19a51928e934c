using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>
/// Model Monitor's drift distance: the L-infinity distance between the baseline's distribution and the window's (the
/// largest gap between their cumulative distributions for numbers, between their category shares for text), and its
/// robust variant, which subtracts what samples of these sizes differ by anyway: 1.8 * sqrt((n + m) / (n * m)), as
/// awslabs/deequ's Distance computes it.
/// </summary>
public sealed record DistributionDistance(double Simple, double Robust, long BaselineCount, long WindowCount)
{
    /// <summary>The distance between a numeric baseline (its quantile sketch) and the window's numbers.</summary>
    public static DistributionDistance Numeric(IReadOnlyList<double> baselineSketch, long baselineCount, IReadOnlyList<double> window)
    {
        var sorted = window.Order().ToArray();
        var largest = 0.0;
        // Both cumulative distributions are step functions: their largest gap is at one of their steps.
        foreach (var x in baselineSketch.Concat(sorted).Distinct())
            largest = Math.Max(largest, Math.Abs(AtOrBelow(baselineSketch, x) - AtOrBelow(sorted, x)));
        return Of(largest, baselineCount, sorted.Length);
    }

    /// <summary>The distance between a text baseline's category counts and the window's values.</summary>
    public static DistributionDistance Categorical(IReadOnlyDictionary<string, long> baseline, IReadOnlyList<string> window)
    {
        var n = baseline.Values.Sum();
        var counts = window.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var largest = baseline.Keys.Union(counts.Keys).Select(c =>
            Math.Abs((double)baseline.GetValueOrDefault(c) / n - (double)counts.GetValueOrDefault(c) / window.Count)).DefaultIfEmpty(0).Max();
        return Of(largest, n, window.Count);
    }

    private static DistributionDistance Of(double linf, long n, long m) =>
        new(linf, n == 0 || m == 0 ? linf : Math.Max(0, linf - 1.8 * Math.Sqrt((double)(n + m) / (n * m))), n, m);

    // Share of the sorted values at or below x.
    private static double AtOrBelow(IReadOnlyList<double> sorted, double x)
    {
        if (sorted.Count == 0) return 0;
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] <= x) low = mid + 1; else high = mid;
        }
        return (double)low / sorted.Count;
    }
}

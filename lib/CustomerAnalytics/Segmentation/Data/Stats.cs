namespace CustomerAnalytics.Segmentation.Data;

/// <summary>Small descriptive statistics used by the feature and profile tables.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n == 0 ? double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>Sample skewness (0 for a symmetric distribution; large and positive for a long right tail).</summary>
    public static double Skewness(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var sd = StandardDeviation(values);
        return sd == 0 ? 0 : values.Sum(v => Math.Pow((v - mean) / sd, 3)) / values.Count;
    }

    public static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) { var d = a[i] - b[i]; sum += d * d; }
        return sum;
    }
}

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>
/// What Model Monitor's statistics.json says of one feature: its inferred type, how many rows have it, and its
/// distribution. For numbers: mean, sum, standard deviation, min, max and up to <see cref="SketchSize"/> quantiles
/// (every value when there are fewer), whose step function is the distribution the drift check compares with; for
/// text: the count of each value.
/// </summary>
public sealed record FeatureStatistics(string Name, InferredType Type, long Present, long Missing)
{
    /// <summary>Quantiles kept of a numeric feature: the baseline's distribution is exact to 1/2048.</summary>
    public const int SketchSize = 2048;

    /// <summary>Numbers only: mean, sum, population standard deviation, min and max of the numeric values.</summary>
    public (double Mean, double Sum, double StdDev, double Min, double Max)? Numbers { get; init; }

    /// <summary>Numbers only: ascending quantiles of the values, equally weighted.</summary>
    public IReadOnlyList<double> Sketch { get; init; } = [];

    /// <summary>Text only: each value and how often it occurs.</summary>
    public IReadOnlyDictionary<string, long> Categories { get; init; } = new Dictionary<string, long>();

    /// <summary>Share of rows with a value.</summary>
    public double Completeness => Present + Missing == 0 ? 0 : (double)Present / (Present + Missing);

    /// <summary>The statistics of <paramref name="values"/>, one per row (missing values included).</summary>
    public static FeatureStatistics Of(string name, IReadOnlyList<FeatureValue> values)
    {
        var present = values.Where(v => v.IsPresent).ToArray();
        var type = present.Any(v => v.Type == InferredType.String) ? InferredType.String
            : present.Any(v => v.Type == InferredType.Fractional) ? InferredType.Fractional : InferredType.Integral;
        var statistics = new FeatureStatistics(name, type, present.Length, values.Count - present.Length);
        if (type == InferredType.String)
            return statistics with { Categories = present.GroupBy(v => v.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal) };

        var numbers = present.Select(v => v.Number!.Value).Order().ToArray();
        if (numbers.Length == 0) return statistics;
        var mean = numbers.Average();
        var std = Math.Sqrt(numbers.Sum(x => (x - mean) * (x - mean)) / numbers.Length);
        return statistics with { Numbers = (mean, numbers.Sum(), std, numbers[0], numbers[^1]), Sketch = Quantiles(numbers) };
    }

    // Every value when they are few; else the values at ranks (i + 0.5) / SketchSize of the sorted list.
    private static double[] Quantiles(double[] sorted) => sorted.Length <= SketchSize ? sorted
        : Enumerable.Range(0, SketchSize).Select(i => sorted[(int)((i + 0.5) * sorted.Length / SketchSize)]).ToArray();
}

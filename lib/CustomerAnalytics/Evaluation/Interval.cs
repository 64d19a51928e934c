using System.Globalization;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// A figure of this run with its uncertainty: the estimate and the bounds of a <see cref="Level"/> confidence interval
/// (0.95 = 95%). A figure known exactly (a ceiling from the sample's truth, a fixed rule's value) has equal bounds.
/// </summary>
public sealed record Interval
{
    /// <summary>An interval; the bounds must hold the estimate and the level lie strictly between 0 and 1.</summary>
    public Interval(double estimate, double lower, double upper, double level = 0.95)
    {
        if (double.IsNaN(estimate) || double.IsNaN(lower) || double.IsNaN(upper) || lower > estimate || estimate > upper)
            throw new ArgumentException($"An interval needs lower <= estimate <= upper; got {estimate} [{lower}, {upper}].");
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level lies between 0 and 1, for example 0.95.");
        (Estimate, Lower, Upper, Level) = (estimate, lower, upper, level);
    }

    /// <summary>The figure measured on this run's data.</summary>
    public double Estimate { get; }
    /// <summary>Lower bound.</summary>
    public double Lower { get; }
    /// <summary>Upper bound.</summary>
    public double Upper { get; }
    /// <summary>Confidence level, for example 0.95.</summary>
    public double Level { get; }

    /// <summary>True when the figure is exact (no sampling uncertainty).</summary>
    public bool IsExact => Lower == Upper;

    /// <summary>A figure without sampling uncertainty.</summary>
    public static Interval Exact(double value) => new(value, value, value);

    /// <summary>True when the two intervals share at least one value.</summary>
    public bool Overlaps(Interval other) => Lower <= other.Upper && other.Lower <= Upper;

    /// <summary>
    /// Wilson score interval for a proportion (accuracy, a share of journeys): good even for small counts and for
    /// shares near 0 or 1, where the plain normal interval leaves [0, 1].
    /// </summary>
    public static Interval Wilson(int successes, int trials, double level = 0.95)
    {
        if (trials <= 0) throw new ArgumentOutOfRangeException(nameof(trials), trials, "A proportion needs at least one trial.");
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes lie between 0 and the {trials} trials.");
        double z = NormalQuantile.Of(0.5 + level / 2), n = trials, p = successes / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new Interval(p, Math.Min(p, Math.Max(0, centre - half)), Math.Max(p, Math.Min(1, centre + half)), level);
    }

    /// <summary>Three decimals: <c>0.584 [0.551, 0.617]</c>, or just the figure when exact.</summary>
    public override string ToString() => ToString("F3");

    /// <summary>The figure and bounds in a numeric format such as "F3" or "P1" (percentages written 58.4%).</summary>
    public string ToString(string format) => IsExact ? Format(Estimate, format) : $"{Format(Estimate, format)} [{Format(Lower, format)}, {Format(Upper, format)}]";

    private static string Format(double value, string format) =>
        format.StartsWith('P')
            ? (value * 100).ToString("F" + format[1..], CultureInfo.InvariantCulture) + "%"
            : value.ToString(format, CultureInfo.InvariantCulture);
}

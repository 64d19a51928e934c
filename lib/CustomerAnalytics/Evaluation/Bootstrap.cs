namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Percentile bootstrap over test units (customers, sessions, journeys, users): draw the units again with replacement,
/// recompute the figure, and take the middle <see cref="BootstrapOptions.Level"/> of the recomputed values. The
/// interval says how much the figure would move on another test set of the same size from the same population.
/// </summary>
public static class Bootstrap
{
    /// <summary>
    /// The interval of <paramref name="statistic"/>, which computes the figure from a list of unit indices (0 to
    /// <paramref name="units"/> - 1, with repeats). The estimate is the statistic on every unit once. Resamples where
    /// the figure is undefined (NaN, for example an F1 without positives) are left out of the bounds.
    /// </summary>
    public static Interval Interval(int units, Func<IReadOnlyList<int>, double> statistic, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        options ??= new BootstrapOptions();
        if (units <= 0) throw new ArgumentOutOfRangeException(nameof(units), units, "A bootstrap needs at least one test unit.");
        if (options.Resamples < 2) throw new ArgumentOutOfRangeException(nameof(options), options.Resamples, "A bootstrap needs at least 2 resamples.");

        double estimate = statistic(Enumerable.Range(0, units).ToArray());
        if (double.IsNaN(estimate)) throw new ArgumentException("The figure is undefined on the whole test set (NaN), so it has no interval.", nameof(statistic));
        var random = new Random(options.Seed);
        var values = new List<double>(options.Resamples);
        var draw = new int[units];
        for (int r = 0; r < options.Resamples; r++)
        {
            for (int i = 0; i < units; i++) draw[i] = random.Next(units);
            double value = statistic(draw);
            if (!double.IsNaN(value)) values.Add(value);
        }
        if (values.Count == 0) return Evaluation.Interval.Exact(estimate);
        values.Sort();
        double tail = (1 - options.Level) / 2;
        // Percentile bounds can miss a skewed estimate by a hair; the interval always holds the figure it reports.
        return new Interval(estimate, Math.Min(estimate, Percentile(values, tail)), Math.Max(estimate, Percentile(values, 1 - tail)), options.Level);
    }

    /// <summary>
    /// The interval of a figure computed from test units that have ids (customers, users, journeys): the units are put
    /// in the ordinal order of their keys before drawing, so the interval does not depend on the order of the file.
    /// Keys must be unique.
    /// </summary>
    public static Interval Interval<TUnit>(IReadOnlyList<TUnit> units, Func<TUnit, string> key, Func<IReadOnlyList<TUnit>, double> statistic, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(statistic);
        var ordered = units.OrderBy(key, StringComparer.Ordinal).ToArray();
        var duplicate = ordered.Select(key).Zip(ordered.Select(key).Skip(1)).FirstOrDefault(p => p.First == p.Second);
        if (duplicate.First is not null) throw new ArgumentException($"Test units need unique keys; '{duplicate.First}' appears more than once.", nameof(key));
        return Interval(ordered.Length, draw => statistic(draw.Select(i => ordered[i]).ToArray()), options);
    }

    /// <summary>Linear interpolation between the sorted values around the quantile.</summary>
    private static double Percentile(List<double> sorted, double quantile)
    {
        double position = quantile * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Evaluation;

/// <summary>The percentile bootstrap: holds the estimate, has the width theory gives, is seeded and order-free by key.</summary>
public sealed class BootstrapTests
{
    private static double Mean(IReadOnlyList<double> values, IReadOnlyList<int> draw) => draw.Average(i => values[i]);

    [Fact]
    public void A_share_of_400_has_the_width_the_normal_approximation_gives()
    {
        var values = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? 1.0 : 0.0).ToArray();
        var interval = Bootstrap.Interval(values.Length, d => Mean(values, d));
        Assert.Equal(0.5, interval.Estimate, 12);
        // 95% half-width of a share of 0.5 over 400 units: 1.96 * sqrt(0.25 / 400) = 0.049.
        Assert.InRange(interval.Upper - interval.Lower, 0.08, 0.12);
        Assert.True(interval.Lower < 0.5 && 0.5 < interval.Upper);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_another()
    {
        var values = Enumerable.Range(0, 200).Select(i => Math.Sin(i) * 10).ToArray();
        var first = Bootstrap.Interval(values.Length, d => Mean(values, d));
        Assert.Equal(first, Bootstrap.Interval(values.Length, d => Mean(values, d)));
        Assert.NotEqual(first, Bootstrap.Interval(values.Length, d => Mean(values, d), new BootstrapOptions { Seed = 7 }));
    }

    [Fact]
    public void Keyed_units_give_the_same_interval_in_any_order()
    {
        var units = Enumerable.Range(0, 150).Select(i => (Id: $"u{i}", Value: (double)(i * 37 % 11))).ToArray();
        var shuffled = units.OrderBy(u => u.Value).ThenByDescending(u => u.Id).ToArray();
        double Statistic(IReadOnlyList<(string Id, double Value)> draw) => draw.Average(u => u.Value);
        Assert.Equal(Bootstrap.Interval(units, u => u.Id, Statistic), Bootstrap.Interval(shuffled, u => u.Id, Statistic));
        Assert.Contains("'u3' appears more than once",
            Assert.Throws<ArgumentException>(() => Bootstrap.Interval([.. units, units[3]], u => u.Id, Statistic)).Message);
    }

    [Fact]
    public void Undefined_resamples_are_left_out_and_an_undefined_figure_is_refused()
    {
        // A figure that is NaN whenever the draw misses unit 0 (like an F1 on a resample without positives).
        var interval = Bootstrap.Interval(5, d => d.Contains(0) ? d.Count(i => i == 0) : double.NaN);
        Assert.Equal(1, interval.Estimate);
        Assert.True(interval.Lower >= 1);
        Assert.Contains("undefined on the whole test set", Assert.Throws<ArgumentException>(() => Bootstrap.Interval(3, _ => double.NaN)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(0, _ => 0));
    }
}

using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>The profit threshold against break-even, and how far it moves on resampled sessions.</summary>
public sealed class ProfitThresholdTests
{
    private static readonly ProfitSettings TenToOne = new(ContactCost: 1, ConversionValue: 10); // break-even 0.1

    [Fact]
    public void A_best_threshold_below_break_even_gives_the_warning_with_the_sessions_between()
    {
        double[] p = [0.5, 0.05, 0.05];
        bool[] ordered = [true, true, false];
        var profit = ProfitCurve.Compute(p, ordered, TenToOne); // contacting all three: 2 orders · 10 − 3 = 17 > 9

        var check = BreakEvenCheck.Of(profit, p, ordered);

        Assert.Equal(0.05, check.Threshold);
        Assert.True(check.BelowBreakEven);
        Assert.Equal((2, 1), (check.BandSessions, check.BandOrders));
        Assert.StartsWith("Warning: the profit-maximising threshold 0.0500 lies below the break-even probability cost / value = 0.1000.", check.Sentence);
    }

    [Fact]
    public void A_best_threshold_above_break_even_gives_no_warning()
    {
        double[] p = [0.5, 0.2, 0.05];
        bool[] ordered = [true, false, false];

        var check = BreakEvenCheck.Of(ProfitCurve.Compute(p, ordered, TenToOne), p, ordered);

        Assert.Equal(0.5, check.Threshold);
        Assert.False(check.BelowBreakEven);
        Assert.Equal((1, 0), (check.BandSessions, check.BandOrders));
        Assert.DoesNotContain("Warning", check.Sentence);
        Assert.Contains("at or above the break-even probability", check.Sentence);
    }

    private static (double[] P, bool[] Ordered) Sessions(int n, int seed)
    {
        var random = new Random(seed);
        var p = Enumerable.Range(0, n).Select(_ => Math.Pow(random.NextDouble(), 3)).ToArray();
        return (p, p.Select(x => random.NextDouble() < x).ToArray());
    }

    [Fact]
    public void The_threshold_spread_is_seeded()
    {
        var (p, ordered) = Sessions(400, 1);
        var options = new BootstrapOptions { Resamples = 200, Seed = 7 };

        var first = ThresholdStability.Of(p, ordered, TenToOne, options);
        var again = ThresholdStability.Of(p, ordered, TenToOne, options);
        var otherSeed = ThresholdStability.Of(p, ordered, TenToOne, options with { Seed = 8 });

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.Equal(ProfitCurve.Compute(p, ordered, TenToOne).Best.Threshold, first.Chosen);
        Assert.InRange(first.Median, first.Lower, first.Upper);
        Assert.Equal(ordered.Count(o => o), first.Orders);
    }

    [Fact]
    public void The_threshold_spread_does_not_depend_on_the_order_of_the_sessions()
    {
        var (p, ordered) = Sessions(400, 2);
        var shuffle = Enumerable.Range(0, p.Length).ToArray();
        new Random(3).Shuffle(shuffle);
        var options = new BootstrapOptions { Resamples = 200 };

        var asGiven = ThresholdStability.Of(p, ordered, TenToOne, options);
        var shuffled = ThresholdStability.Of(shuffle.Select(i => p[i]).ToArray(), shuffle.Select(i => ordered[i]).ToArray(), TenToOne, options);

        Assert.Equal(asGiven, shuffled);
        Assert.Contains($"rests on {asGiven.ContactedOrders} orders", asGiven.Sentence);
    }

    [Fact]
    public void A_ranking_verdict_is_paired_and_says_no_clear_winner_for_equal_models()
    {
        var (p, ordered) = Sessions(600, 4);
        var perfect = new ModelScores("perfect", ordered.Select(o => o ? 1.0 : 0.0).ToArray(), ordered);
        var model = new ModelScores("model", p, ordered);
        var twin = model with { Model = "twin" };

        var clear = RankingVerdict.Compare("AUC-ROC", [model, perfect], RankingMetric.AucRoc);
        var tie = RankingVerdict.Compare("average precision", [model, twin], RankingMetric.AveragePrecision);

        Assert.True(clear.ClearWinner, clear.Sentence);
        Assert.Equal("perfect", clear.Best.Name);
        Assert.False(tie.ClearWinner);
        Assert.Equal(tie.Candidates[0].Value, tie.Candidates[1].Value); // same draws for both
        Assert.Throws<ArgumentException>(() => RankingVerdict.Compare("AUC-ROC", [model, perfect with { Labels = ordered.Reverse().ToArray() }], RankingMetric.AucRoc));
    }

    [Fact]
    public void Average_precision_of_a_perfect_ranking_is_one_and_of_a_reversed_one_small()
    {
        bool[] ordered = [true, false, false, true];
        Assert.Equal(1.0, RankingMetric.AveragePrecision([0.9, 0.1, 0.2, 0.8], ordered), 12);
        Assert.Equal((1.0 / 3 + 2.0 / 4) / 2, RankingMetric.AveragePrecision([0.1, 0.9, 0.8, 0.2], ordered), 12);
        Assert.True(double.IsNaN(RankingMetric.AveragePrecision([0.1, 0.2], [false, false])));
    }
}

using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>Lift, gains, calibration and profit against small hand-computed cases.</summary>
public sealed class CampaignMetricsTests
{
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    private static readonly bool[] Labels = [true, true, false, true, false, false, false, false, false, false];

    [Fact]
    public void LiftAndGainsByGroup()
    {
        var gains = GainsTable.Compute(Scores, Labels, groups: 5);
        Assert.Equal(5, gains.Rows.Count);
        Assert.Equal(0.3, gains.OrderRate, 12);
        // Group 1: 2 of 2 ordered -> rate 1, lift 1 / 0.3.
        Assert.Equal(2, gains.Rows[0].Orders);
        Assert.Equal(1 / 0.3, gains.Rows[0].Lift, 12);
        Assert.Equal(2 / 3.0, gains.Rows[0].CumulativeGain, 12);
        // Group 2: 1 of 2; cumulatively 3 of 4 sessions, every order found.
        Assert.Equal(0.5 / 0.3, gains.Rows[1].Lift, 12);
        Assert.Equal(1.0, gains.Rows[1].CumulativeGain, 12);
        Assert.Equal(0.75 / 0.3, gains.Rows[1].CumulativeLift, 12);
        Assert.Equal(0.4, gains.Rows[1].CumulativeShareContacted, 12);
        Assert.All(gains.Rows.Skip(2), r => Assert.Equal(0.0, r.Lift));
        Assert.Equal(1.0, gains.Rows[^1].CumulativeLift, 12);
    }

    [Fact]
    public void GainsGroupsCoverEverySessionWhenTheCountDoesNotDivide()
    {
        var gains = GainsTable.Compute(Scores, Labels, groups: 3);
        Assert.Equal(10, gains.Rows.Sum(r => r.Sessions));
        Assert.Equal(3, gains.Rows.Sum(r => r.Orders));
    }

    [Fact]
    public void ProfitPicksTheMostProfitableThreshold()
    {
        // Contact cost 1, order value 10: top 1 -> 9, top 2 -> 8, top 3 -> 17, all 4 -> 16.
        var curve = ProfitCurve.Compute([0.9, 0.6, 0.3, 0.1], [true, false, true, false], new ProfitSettings(ContactCost: 1, ConversionValue: 10));
        Assert.Equal(new double[] { 0, 9, 8, 17, 16 }, curve.Curve.Select(p => p.Profit));
        Assert.Equal(0.3, curve.Best.Threshold);
        Assert.Equal(17, curve.Best.Profit);
        Assert.Equal(16, curve.ContactEveryone.Profit);
        Assert.Equal(0.1, new ProfitSettings(1, 10).BreakEvenProbability, 12);
        var atHalf = ProfitCurve.At(0.5, [0.9, 0.6, 0.3, 0.1], [true, false, true, false], new ProfitSettings(1, 10));
        Assert.Equal((2, 1, 8.0), (atHalf.Contacted, atHalf.Conversions, atHalf.Profit));
    }

    [Fact]
    public void CalibrationBinsHoldEqualCounts()
    {
        var curve = CalibrationCurve.Compute(Scores, Labels, bins: 2);
        Assert.Equal(2, curve.Bins.Count);
        // Low half: 0.05..0.5, no orders; high half: 0.6..0.9, 3 orders.
        Assert.Equal((0.05 + 0.1 + 0.2 + 0.3 + 0.4) / 5, curve.Bins[0].MeanPredicted, 12);
        Assert.Equal(0.0, curve.Bins[0].ObservedRate);
        Assert.Equal((0.5 + 0.6 + 0.7 + 0.8 + 0.9) / 5, curve.Bins[1].MeanPredicted, 12);
        Assert.Equal(0.6, curve.Bins[1].ObservedRate, 12);
    }
}

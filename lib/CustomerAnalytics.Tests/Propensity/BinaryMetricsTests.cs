using CustomerAnalytics.Propensity;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>Each metric against a small case worked out by hand.</summary>
public sealed class BinaryMetricsTests
{
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6];
    private static readonly bool[] Labels = [true, false, true, false];

    [Fact]
    public void AucCountsOrderedPairs()
    {
        // Pairs (order, non-order): 0.9>0.8, 0.9>0.6, 0.7<0.8, 0.7>0.6 -> 3 of 4.
        Assert.Equal(0.75, BinaryMetrics.Auc(Scores, Labels), 12);
    }

    [Fact]
    public void AucCountsTiesAsHalf()
    {
        Assert.Equal(0.5, BinaryMetrics.Auc([0.5, 0.5], [true, false]), 12);
        Assert.Equal(0.75, BinaryMetrics.Auc([0.9, 0.5, 0.5], [true, true, false]), 12);
    }

    [Fact]
    public void AveragePrecisionIsMeanPrecisionAtEachOrder()
    {
        // Orders at ranks 1 and 3: precision 1/1 and 2/3.
        Assert.Equal((1 + 2.0 / 3) / 2, BinaryMetrics.AveragePrecision(Scores, Labels), 12);
    }

    [Fact]
    public void LogLossUsesNaturalLog()
    {
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6)) / 2, BinaryMetrics.LogLoss([0.8, 0.4], [true, false]), 12);
    }

    [Fact]
    public void BalancedAccuracyAndKappaFromCounts()
    {
        var c = new ConfusionMatrix(TruePositives: 20, FalsePositives: 10, TrueNegatives: 60, FalseNegatives: 10, Threshold: 0.5);
        Assert.Equal((20.0 / 30 + 60.0 / 70) / 2, c.BalancedAccuracy, 12);
        // Observed agreement 0.8; chance agreement 0.3*0.3 + 0.7*0.7 = 0.58; kappa = 0.22 / 0.42.
        Assert.Equal(0.22 / 0.42, c.Kappa, 12);
        Assert.Equal(2 * (20.0 / 30) * (20.0 / 30) / (40.0 / 30), c.F1, 12);
    }

    [Fact]
    public void KappaIsZeroWhenAlwaysAnsweringNo()
    {
        var c = new ConfusionMatrix(0, 0, 96, 4, 0.5);
        Assert.Equal(0.96, c.Accuracy, 12);
        Assert.Equal(0.5, c.BalancedAccuracy, 12);
        Assert.Equal(0, c.Kappa, 12);
    }

    [Fact]
    public void ConfusionPredictsOrderAtOrAboveTheThreshold()
    {
        // Scores 0.9 (order), 0.8, 0.7 (order), 0.6: at 0.7 the third session counts as a predicted order.
        var c = BinaryMetrics.Confusion(Scores, Labels, threshold: 0.7);
        Assert.Equal((2, 1, 1, 0), (c.TruePositives, c.FalsePositives, c.TrueNegatives, c.FalseNegatives));
        Assert.Equal(new[] { new[] { 1, 1 }, new[] { 0, 2 } }, c.Grid);
        var above = BinaryMetrics.Confusion(Scores, Labels, threshold: 0.71);
        Assert.Equal((1, 1, 1, 1), (above.TruePositives, above.FalsePositives, above.TrueNegatives, above.FalseNegatives));
        var high = BinaryMetrics.Confusion(Scores, Labels, threshold: 0.85);
        Assert.Equal((1, 0, 2, 1), (high.TruePositives, high.FalsePositives, high.TrueNegatives, high.FalseNegatives));
    }

    [Fact]
    public void PopulationStabilityIndexOfTwoDistributions()
    {
        Assert.Equal(0.1 * Math.Log(1.2) - 0.1 * Math.Log(0.8), BinaryMetrics.PopulationStabilityIndex([0.5, 0.5], [0.6, 0.4]), 12);
        // A binary feature whose rate moves from 20% to 50%.
        Assert.Equal(-0.3 * Math.Log(0.5 / 0.8) + 0.3 * Math.Log(0.5 / 0.2), BinaryMetrics.PopulationStabilityIndex(0.2, 0.5), 12);
        Assert.Equal(0, BinaryMetrics.PopulationStabilityIndex(0.3, 0.3), 12);
    }

    [Fact]
    public void PopulationStabilityIndexStaysFiniteForEmptyBins()
    {
        var psi = BinaryMetrics.PopulationStabilityIndex([0.0, 1.0], [0.5, 0.5]);
        Assert.True(double.IsFinite(psi) && psi > 1, $"PSI {psi}");
    }

    [Fact]
    public void RocCurveStartsAtOriginAndEndsAtOne()
    {
        var roc = RocCurve.Compute(Scores, Labels);
        Assert.Equal(new double[] { 0, 0, 0.5, 0.5, 1 }, roc.FalsePositiveRate);
        Assert.Equal(new double[] { 0, 0.5, 0.5, 1, 1 }, roc.TruePositiveRate);
        Assert.Equal(0.75, roc.Auc, 12);
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => BinaryMetrics.Auc([0.1, 0.2], [true]));
        Assert.Contains("2 scores but 1 labels", e.Message);
    }
}

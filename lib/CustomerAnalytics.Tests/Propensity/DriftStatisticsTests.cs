using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Tests.Propensity;

public sealed class DriftStatisticsTests
{
    [Fact]
    public void PopulationStabilityIndexOfTwoDistributions()
    {
        Assert.Equal(0.1 * Math.Log(1.2) - 0.1 * Math.Log(0.8), DriftStatistics.PopulationStabilityIndex([0.5, 0.5], [0.6, 0.4]), 12);
        // A binary feature whose rate moves from 20% to 50%.
        Assert.Equal(-0.3 * Math.Log(0.5 / 0.8) + 0.3 * Math.Log(0.5 / 0.2), DriftStatistics.PopulationStabilityIndex(0.2, 0.5), 12);
        Assert.Equal(0, DriftStatistics.PopulationStabilityIndex(0.3, 0.3), 12);
    }

    [Fact]
    public void PopulationStabilityIndexStaysFiniteForEmptyBins()
    {
        var psi = DriftStatistics.PopulationStabilityIndex([0.0, 1.0], [0.5, 0.5]);
        Assert.True(double.IsFinite(psi) && psi > 1, $"PSI {psi}");
    }

    [Fact]
    public void ChiSquareOfTwoProportions()
    {
        // 30/100 vs 50/100: expected 40 ones and 60 zeros per row; chi = 2*(100/40) + 2*(100/60).
        var (chi, p) = DriftStatistics.TwoProportionChiSquare(30, 100, 50, 100);
        Assert.Equal(5 + 10 / 3.0, chi, 9);
        Assert.Equal(0.003892417, p, 6);
    }

    [Fact]
    public void ChiSquarePValueMatchesTheKnownCriticalValue()
    {
        Assert.Equal(0.05, DriftStatistics.ChiSquareOneDfPValue(3.841459), 5);
        Assert.Equal(0.01, DriftStatistics.ChiSquareOneDfPValue(6.634897), 5);
    }

    [Fact]
    public void ConstantFeatureHasNoEvidenceOfDrift()
    {
        Assert.Equal((0.0, 1.0), DriftStatistics.TwoProportionChiSquare(0, 100, 0, 50));
    }

    [Fact]
    public void KolmogorovSmirnovStatisticIsTheLargestGap()
    {
        var (d, p) = DriftStatistics.KolmogorovSmirnov([1, 2, 3, 4], [3, 4, 5, 6]);
        Assert.Equal(0.5, d, 12);
        Assert.InRange(p, 0.2, 1);
        var (same, pSame) = DriftStatistics.KolmogorovSmirnov([1, 2, 3], [1, 2, 3]);
        Assert.Equal(0.0, same);
        Assert.Equal(1.0, pSame);
    }

    [Fact]
    public void KolmogorovQMatchesTables()
    {
        // Q(1.36) ~ 0.049, Q(1.63) ~ 0.010 (the familiar 5% and 1% critical values).
        Assert.Equal(0.0494, DriftStatistics.KolmogorovQ(1.36), 3);
        Assert.Equal(0.0098, DriftStatistics.KolmogorovQ(1.63), 3);
    }
}

using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>The chart points of the ROC and precision-recall curves, against a case worked out by hand.</summary>
public sealed class CurvePointsTests
{
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6];
    private static readonly bool[] Labels = [true, false, true, false];

    [Fact]
    public void RocCurveStartsAtOriginAndEndsAtOne()
    {
        var roc = RocCurve.Compute(Scores, Labels);
        Assert.Equal(new double[] { 0, 0, 0.5, 0.5, 1 }, roc.FalsePositiveRate);
        Assert.Equal(new double[] { 0, 0.5, 0.5, 1, 1 }, roc.TruePositiveRate);
        Assert.Equal(double.PositiveInfinity, roc.Thresholds[0]);
    }

    [Fact]
    public void TiedScoresAreOneStepOfTheCurve()
    {
        var pr = PrecisionRecallCurve.Compute([0.9, 0.5, 0.5, 0.1], [true, true, false, false]);
        Assert.Equal(new double[] { 0.5, 1, 1 }, pr.Recall);
        Assert.Equal(new double[] { 1, 2.0 / 3, 0.5 }, pr.Precision);
        Assert.Equal(0.5, pr.OrderRate, 12);
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => RocCurve.Compute([0.1, 0.2], [true]));
        Assert.Contains("2 scores but 1 labels", e.Message);
    }
}

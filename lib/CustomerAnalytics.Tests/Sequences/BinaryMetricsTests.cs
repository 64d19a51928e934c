using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Sequences;

public class BinaryMetricsTests
{
    [Fact]
    public void CountsAndScores()
    {
        var m = BinaryMetrics.From([(true, true), (true, true), (true, false), (false, true), (false, false), (false, false)]);
        Assert.Equal((2, 1, 1, 2), (m.TruePositives, m.FalsePositives, m.FalseNegatives, m.TrueNegatives));
        Assert.Equal(2.0 / 3, m.Precision, 10);
        Assert.Equal(2.0 / 3, m.Recall, 10);
        Assert.Equal(2.0 / 3, m.F1, 10);
        Assert.Equal(4.0 / 6, m.Accuracy, 10);
    }

    [Fact]
    public void NoPositivePredictionsGiveZeroNotNaN()
    {
        var m = BinaryMetrics.From([(true, false), (false, false)]);
        Assert.Equal(0, m.Precision);
        Assert.Equal(0, m.F1);
        Assert.Contains("predicted yes", m.ToHtml());
    }

    [Fact]
    public void EarlyStoppingWaitsForPatience()
    {
        var stopping = new EarlyStopping(2);
        Assert.True(stopping.Update(1, 1.0));
        Assert.True(stopping.Update(2, 0.8));
        Assert.False(stopping.Update(3, 0.85));
        Assert.False(stopping.ShouldStop);
        Assert.False(stopping.Update(4, 0.8));
        Assert.True(stopping.ShouldStop);
        Assert.Equal(2, stopping.BestEpoch);
    }
}

using CustomerAnalytics.Propensity;
using Microsoft.ML;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>Balanced accuracy, kappa and the named counts read from ML.NET's metrics, on cases worked out by hand.</summary>
public sealed class MetricsExtensionsTests
{
    private static readonly MLContext Ml = new(seed: 1);

    /// <summary>Scores 1 (predicted order) or 0 with the given counts.</summary>
    private static (double[] Scores, bool[] Labels) Counts(int tp, int fp, int tn, int fn)
    {
        var rows = Enumerable.Repeat((1.0, true), tp).Concat(Enumerable.Repeat((1.0, false), fp))
            .Concat(Enumerable.Repeat((0.0, false), tn)).Concat(Enumerable.Repeat((0.0, true), fn)).ToArray();
        return (rows.Select(r => r.Item1).ToArray(), rows.Select(r => r.Item2).ToArray());
    }

    [Fact]
    public void CountsAreReadFromMlNetsConfusionMatrixByName()
    {
        var (scores, labels) = Counts(tp: 20, fp: 10, tn: 60, fn: 10);
        var m = ScoreEvaluation.Scores(Ml, scores, labels);
        Assert.Equal((20, 10, 60, 10), (m.TruePositives(), m.FalsePositives(), m.TrueNegatives(), m.FalseNegatives()));
        Assert.Equal(100, m.Sessions());
    }

    [Fact]
    public void BalancedAccuracyAndKappaFromCounts()
    {
        var (scores, labels) = Counts(tp: 20, fp: 10, tn: 60, fn: 10);
        var m = ScoreEvaluation.Scores(Ml, scores, labels);
        Assert.Equal((20.0 / 30 + 60.0 / 70) / 2, m.BalancedAccuracy(), 9);
        // Observed agreement 0.8; chance agreement 0.3*0.3 + 0.7*0.7 = 0.58; kappa = 0.22 / 0.42.
        Assert.Equal(0.22 / 0.42, m.Kappa(), 9);
    }

    [Fact]
    public void KappaIsZeroWhenAlwaysAnsweringNo()
    {
        var (scores, labels) = Counts(tp: 0, fp: 0, tn: 96, fn: 4);
        var m = ScoreEvaluation.Scores(Ml, scores, labels);
        Assert.Equal(0.96, m.Accuracy, 9);
        Assert.Equal(0.5, m.BalancedAccuracy(), 9);
        Assert.Equal(0, m.Kappa(), 9);
    }

    [Fact]
    public void ProbabilitiesAreEvaluatedByMlNetWithTiesAsHalfAndLogLossInBits()
    {
        var m = ScoreEvaluation.Probabilities(Ml, [0.9, 0.5, 0.5], [true, true, false]);
        Assert.Equal(0.75, m.AreaUnderRocCurve, 9);
        var loss = ScoreEvaluation.Probabilities(Ml, [0.8, 0.4], [true, false]).LogLoss;
        Assert.Equal(-(Math.Log2(0.8) + Math.Log2(0.6)) / 2, loss, 5);
    }

    [Fact]
    public void MetricsTableShowsEveryModelWithItsCounts()
    {
        var (scores, labels) = Counts(tp: 20, fp: 10, tn: 60, fn: 10);
        var table = MetricsTable.Of("validation", new Dictionary<string, Microsoft.ML.Data.CalibratedBinaryClassificationMetrics>
        {
            ["A"] = ScoreEvaluation.Probabilities(Ml, scores, labels),
        });
        var html = table.ToHtml();
        Assert.Contains("<td>A</td>", html);
        Assert.Contains("<td>20/30</td>", html);
        Assert.Contains("100 sessions, 30 orders", html);
    }
}

using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Propensity.Evaluation;
using Microsoft.ML;

namespace CustomerAnalytics.Tests.Evaluation;

/// <summary>The one binary-metrics type: counts of decisions, what follows from them, the counts of ML.NET's own
/// confusion matrix, and the rank AUC, on cases worked out by hand and against ML.NET's evaluator.</summary>
public sealed class BinaryMetricsTests
{
    private static readonly MLContext Ml = new(seed: 1);

    /// <summary>Scores 1 (predicted positive) or 0 with the given counts.</summary>
    private static (double[] Scores, bool[] Labels) Counts(int tp, int fp, int tn, int fn)
    {
        var rows = Enumerable.Repeat((1.0, true), tp).Concat(Enumerable.Repeat((1.0, false), fp))
            .Concat(Enumerable.Repeat((0.0, false), tn)).Concat(Enumerable.Repeat((0.0, true), fn)).ToArray();
        return (rows.Select(r => r.Item1).ToArray(), rows.Select(r => r.Item2).ToArray());
    }

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
    public void CountsAreReadFromMlNetsConfusionMatrix()
    {
        var (scores, labels) = Counts(tp: 20, fp: 10, tn: 60, fn: 10);
        var m = BinaryMetrics.Of(ScoreEvaluation.Scores(Ml, scores, labels));
        Assert.Equal(new BinaryMetrics(TruePositives: 20, FalsePositives: 10, FalseNegatives: 10, TrueNegatives: 60), m);
        Assert.Equal((100, 30), (m.Total, m.Positives));
    }

    [Fact]
    public void FiguresMlNetReportsEqualTheCountsFigures()
    {
        var (scores, labels) = Counts(tp: 20, fp: 10, tn: 60, fn: 10);
        var ml = ScoreEvaluation.Scores(Ml, scores, labels);
        var m = BinaryMetrics.Of(ml);
        Assert.Equal(ml.Accuracy, m.Accuracy, 9);
        Assert.Equal(ml.PositivePrecision, m.Precision, 9);
        Assert.Equal(ml.PositiveRecall, m.Recall, 9);
        Assert.Equal(ml.NegativeRecall, m.Specificity, 9);
        Assert.Equal(ml.F1Score, m.F1, 9);
    }

    [Fact]
    public void BalancedAccuracyAndKappaFromCounts()
    {
        var (scores, labels) = Counts(tp: 20, fp: 10, tn: 60, fn: 10);
        var m = BinaryMetrics.Of(ScoreEvaluation.Scores(Ml, scores, labels));
        Assert.Equal((20.0 / 30 + 60.0 / 70) / 2, m.BalancedAccuracy, 9);
        // Observed agreement 0.8; chance agreement 0.3*0.3 + 0.7*0.7 = 0.58; kappa = 0.22 / 0.42.
        Assert.Equal(0.22 / 0.42, m.Kappa, 9);
    }

    [Fact]
    public void KappaIsZeroWhenAlwaysAnsweringNo()
    {
        var (scores, labels) = Counts(tp: 0, fp: 0, tn: 96, fn: 4);
        var ml = ScoreEvaluation.Scores(Ml, scores, labels);
        var m = BinaryMetrics.Of(ml);
        Assert.Equal(0.96, ml.Accuracy, 9);
        Assert.Equal(0.5, m.BalancedAccuracy, 9);
        Assert.Equal(0, m.Kappa, 9);
    }

    [Fact]
    public void RankAucHandlesTiesAsMlNetDoes()
    {
        double[] scores = [0.9, 0.5, 0.5, 0.3, 0.5, 0.1, 0.7, 0.3];
        bool[] labels = [true, true, false, false, true, false, false, true];
        Assert.Equal(ScoreEvaluation.Scores(Ml, scores, labels).AreaUnderRocCurve, BinaryMetrics.AucRoc(scores, labels), 6);
        Assert.Equal(0.75, BinaryMetrics.AucRoc([0.9, 0.5, 0.5], [true, true, false]), 9);
        Assert.Equal(0.5, BinaryMetrics.AucRoc([0.9, 0.5], [true, true]), 9);
        Assert.Throws<ArgumentException>(() => BinaryMetrics.AucRoc([0.9], [true, false]));
    }

    [Fact]
    public void ScoresAreDecidedAboveTheThresholdNotAboveZero()
    {
        // ML.NET decides from the sign of Score and ignores PredictedLabel: the data view shifts Score by the threshold.
        double[] probabilities = [0.3, 0.7, 0.6, 0.5];
        bool[] labels = [false, true, false, true];
        Assert.Equal(new BinaryMetrics(TruePositives: 1, FalsePositives: 1, FalseNegatives: 1, TrueNegatives: 1),
            BinaryMetrics.Of(ScoreEvaluation.Probabilities(Ml, probabilities, labels)));
        Assert.Equal(new BinaryMetrics(TruePositives: 2, FalsePositives: 2, FalseNegatives: 0, TrueNegatives: 0),
            BinaryMetrics.Of(ScoreEvaluation.Scores(Ml, probabilities, labels, threshold: 0.2)));
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
    public void TwoClassReportScoresClassOneWithTheseCounts()
    {
        var report = ClassificationReport.Compute([1, 1, 1, 0, 0], [1, 0, 1, 1, 0], ["retained", "churned"]);
        var counts = BinaryMetrics.From([(true, true), (true, false), (true, true), (false, true), (false, false)]);
        Assert.Equal((counts.Accuracy, counts.Precision, counts.Recall, counts.F1), (report.Accuracy, report.Precision, report.Recall, report.F1));
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

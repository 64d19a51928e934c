using CustomerAnalytics.Data;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Evaluation;
using Microsoft.ML;

namespace CustomerAnalytics.Tests.Propensity;

public sealed class SingleFlagBaselineTests
{
    private static readonly SessionSplit Split = PropensityData.Split(PropensitySample.Sessions, seed: 3);
    private static readonly MLContext Ml = new(seed: 1);

    private static double[] FlagScores(IReadOnlyList<SessionRecord> sessions, string feature)
    {
        var index = SessionFeatures.Names.ToList().IndexOf(feature);
        return sessions.Select(s => (double)s.ToFeatureVector()[index]).ToArray();
    }

    private static double Auc(IReadOnlyList<SessionRecord> sessions, string feature) =>
        CustomerAnalytics.Evaluation.BinaryMetrics.AucRoc(FlagScores(sessions, feature), PropensityData.Labels(sessions));

    [Fact]
    public void Picks_the_flag_with_the_best_training_auc_and_scores_it_on_the_test_set()
    {
        // The generator's own rank AUC, computed independently of ML.NET.
        var expected = SessionFeatures.Names.MaxBy(f => Auc(Split.Train, f))!;
        var testLabels = PropensityData.Labels(Split.Test);
        var perfect = ScoreEvaluation.Probabilities(Ml, testLabels.Select(l => l ? 1.0 : 0.0).ToArray(), testLabels);

        var baseline = SingleFlagBaseline.Compare("perfect", perfect, Split.Train, Split.Test);

        Assert.Equal(expected, baseline.Feature);
        Assert.Equal(Auc(Split.Test, expected), baseline.TestAucRoc, 9);
        Assert.InRange(baseline.TestAucRoc, 0.6, 0.99);
        Assert.InRange(baseline.TestAucPr, 0.01, 0.99);
        var verdicts = baseline.Verdicts(new ModelScores("perfect", testLabels.Select(l => l ? 1.0 : 0.0).ToArray(), testLabels), Split.Test);
        Assert.All(verdicts, v => Assert.Equal("perfect", v.Best.Name));
        Assert.All(verdicts, v => Assert.True(v.ClearWinner, v.Sentence));
        Assert.Equal(baseline.TestAucRoc, verdicts[0].Candidates[1].Value.Estimate, 9);
        Assert.DoesNotContain("beats", baseline.Summary);
    }

    [Fact]
    public void A_model_no_better_than_the_flag_is_no_clear_winner()
    {
        var testLabels = PropensityData.Labels(Split.Test);
        var first = SingleFlagBaseline.Compare("x", ScoreEvaluation.Scores(Ml, new double[Split.Test.Count], testLabels), Split.Train, Split.Test);
        var flagAsModel = ScoreEvaluation.Scores(Ml, FlagScores(Split.Test, first.Feature), testLabels);

        var baseline = SingleFlagBaseline.Compare("flag model", flagAsModel, Split.Train, Split.Test);

        var verdicts = baseline.Verdicts(new ModelScores("flag model", FlagScores(Split.Test, first.Feature), testLabels), Split.Test);
        Assert.All(verdicts, v => Assert.False(v.ClearWinner, v.Sentence));
        Assert.All(verdicts, v => Assert.Contains("no clear winner", v.Sentence));
    }

    [Fact]
    public void Metrics_of_other_sessions_are_refused()
    {
        var metrics = ScoreEvaluation.Scores(Ml, new double[10], [true, false, false, false, false, false, false, false, false, false]);
        var e = Assert.Throws<ArgumentException>(() => SingleFlagBaseline.Compare("x", metrics, Split.Train, Split.Test));
        Assert.Contains("pass the sessions they were computed on", e.Message);
    }
}

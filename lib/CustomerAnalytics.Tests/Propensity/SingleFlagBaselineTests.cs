using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity;
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
        CustomerAnalytics.Evaluation.RocAuc.Of(FlagScores(sessions, feature), PropensityData.Labels(sessions));

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
        Assert.True(baseline.ModelWins);
        Assert.StartsWith("perfect beats the single-flag baseline (" + expected + ")", baseline.Verdict);
    }

    [Fact]
    public void A_model_no_better_than_the_flag_is_told_so()
    {
        var testLabels = PropensityData.Labels(Split.Test);
        var first = SingleFlagBaseline.Compare("x", ScoreEvaluation.Scores(Ml, new double[Split.Test.Count], testLabels), Split.Train, Split.Test);
        var flagAsModel = ScoreEvaluation.Scores(Ml, FlagScores(Split.Test, first.Feature), testLabels);

        var baseline = SingleFlagBaseline.Compare("flag model", flagAsModel, Split.Train, Split.Test);

        Assert.False(baseline.ModelWins);
        Assert.Contains("does NOT beat the single-flag baseline", baseline.Verdict);
    }

    [Fact]
    public void Metrics_of_other_sessions_are_refused()
    {
        var metrics = ScoreEvaluation.Scores(Ml, new double[10], [true, false, false, false, false, false, false, false, false, false]);
        var e = Assert.Throws<ArgumentException>(() => SingleFlagBaseline.Compare("x", metrics, Split.Train, Split.Test));
        Assert.Contains("pass the sessions they were computed on", e.Message);
    }
}

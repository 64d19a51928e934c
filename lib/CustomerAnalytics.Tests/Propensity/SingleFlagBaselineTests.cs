using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity;

namespace CustomerAnalytics.Tests.Propensity;

public sealed class SingleFlagBaselineTests
{
    private static readonly SessionSplit Split = PropensityData.Split(PropensitySample.Sessions, seed: 3);

    private static double[] FlagScores(IReadOnlyList<SessionRecord> sessions, string feature)
    {
        var index = SessionRecord.FeatureNames.ToList().IndexOf(feature);
        return sessions.Select(s => (double)s.ToFeatureVector()[index]).ToArray();
    }

    [Fact]
    public void Picks_the_flag_with_the_best_training_auc_and_scores_it_on_the_test_set()
    {
        var labels = PropensityData.Labels(Split.Train);
        var expected = SessionRecord.FeatureNames.MaxBy(f => BinaryMetrics.Auc(FlagScores(Split.Train, f), labels))!;
        var perfect = ModelEvaluation.FromScores("perfect", PropensityData.Labels(Split.Test).Select(l => l ? 1.0 : 0.0).ToArray(), PropensityData.Labels(Split.Test));

        var baseline = SingleFlagBaseline.Compare(perfect, Split.Train, Split.Test);

        Assert.Equal(expected, baseline.Feature);
        Assert.Equal(BinaryMetrics.Auc(FlagScores(Split.Test, expected), PropensityData.Labels(Split.Test)), baseline.TestAucRoc, 12);
        Assert.InRange(baseline.TestAucRoc, 0.6, 0.99);
        Assert.True(baseline.ModelWins);
        Assert.StartsWith("perfect beats the single-flag baseline (" + expected + ")", baseline.Verdict);
    }

    [Fact]
    public void A_model_no_better_than_the_flag_is_told_so()
    {
        var first = SingleFlagBaseline.Compare(ModelEvaluation.FromScores("x", new double[Split.Test.Count], PropensityData.Labels(Split.Test)), Split.Train, Split.Test);
        var flagAsModel = ModelEvaluation.FromScores("flag model", FlagScores(Split.Test, first.Feature), PropensityData.Labels(Split.Test));

        var baseline = SingleFlagBaseline.Compare(flagAsModel, Split.Train, Split.Test);

        Assert.False(baseline.ModelWins);
        Assert.Contains("does NOT beat the single-flag baseline", baseline.Verdict);
    }

    [Fact]
    public void An_evaluation_of_other_sessions_is_refused()
    {
        var evaluation = ModelEvaluation.FromScores("x", new double[10], new bool[10]);
        var e = Assert.Throws<ArgumentException>(() => SingleFlagBaseline.Compare(evaluation, Split.Train, Split.Test));
        Assert.Contains("pass the sessions it was computed on", e.Message);
    }
}

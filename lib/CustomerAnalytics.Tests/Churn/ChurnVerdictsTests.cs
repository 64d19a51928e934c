using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>Churn models compared with intervals over the test users, and how far validation F1 moved between epochs.</summary>
public sealed class ChurnVerdictsTests
{
    private static Predictions Predict(SequenceDataset test, Func<int, int> predicted) =>
        new(test.Labels, Enumerable.Range(0, test.Count).Select(predicted).ToArray(),
            Enumerable.Range(0, test.Count).Select(_ => new[] { 0.5f, 0.5f }).ToArray(), test.ClassNames);

    [Fact]
    public void A_perfect_model_is_the_clear_winner_over_the_majority_class_and_a_reference_joins_exactly()
    {
        var data = ChurnTestData.TinyTask(count: 60);
        var perfect = Predict(data.Test, i => data.Test.Labels[i]);

        var verdict = ChurnVerdicts.Accuracy(data.Test, [("perfect", perfect), ("majority class", ChurnVerdicts.Majority(data))],
            [new Candidate("oracle", Interval.Exact(0.9))]);

        Assert.Equal("perfect", verdict.Best.Name);
        Assert.True(verdict.ClearWinner, verdict.Sentence);
        Assert.Equal(Interval.Wilson(60, 60), verdict.Candidates[0].Value);
        Assert.True(verdict.Candidates[2].Value.IsExact);
    }

    [Fact]
    public void F1_intervals_are_seeded_and_do_not_depend_on_the_order_of_the_test_users()
    {
        var test = ChurnTestData.TinyTask(count: 60).Test;
        Predictions Noisy(SequenceDataset t) => Predict(t, i => int.Parse(t.UserIds[i][1..]) % 7 == 0 ? 1 - t.Labels[i] : t.Labels[i]);
        var reversed = test.Subset(Enumerable.Range(0, test.Count).Reverse().ToArray());

        var first = ChurnVerdicts.F1(test, [("noisy", Noisy(test)), ("always churned", Predict(test, _ => 1))]);
        var again = ChurnVerdicts.F1(reversed, [("noisy", Noisy(reversed)), ("always churned", Predict(reversed, _ => 1))]);

        Assert.Equal(first.Candidates.Select(c => c.Value), again.Candidates.Select(c => c.Value));
        Assert.Contains(first.ClearWinner ? "is the clear winner" : "no clear winner", first.Sentence);
    }

    [Fact]
    public void Predictions_of_other_users_are_refused()
    {
        var data = ChurnTestData.TinyTask(count: 60);
        var other = data.Test.Subset(Enumerable.Range(0, data.Test.Count).Reverse().ToArray()); // the same users in another order
        var e = Assert.Throws<ArgumentException>(() => ChurnVerdicts.Accuracy(data.Test, [("a", Predict(other, _ => 0)), ("b", Predict(data.Test, _ => 0))]));
        Assert.Contains("predict churn.Test with each model", e.Message);
    }

    [Fact]
    public void Epoch_swings_give_the_range_and_the_largest_move_between_epochs()
    {
        EpochRecord Epoch(int n, double f1) => new(n, 0.5, f1, 0.5, TimeSpan.Zero);
        var run = new RunInfo("rnn-churn", "r1", "/tmp/r1", new Dictionary<string, string> { ["attention"] = "global" },
            new Dictionary<string, double>(), null, [Epoch(1, 0.52), Epoch(2, 0.0), Epoch(3, 0.7)], 3, 1.0);

        var swings = EpochSwings.Of(new RunTable([run]), "F1");

        Assert.Equal(new EpochSwing("rnn-churn global", 3, 0.0, 0.7, 0.7, 3), swings.Rows[0]);
        Assert.Equal("Over the epochs of these 1 run(s), validation F1 ranged from 0.00 to 0.70; the largest move between two consecutive epochs was 0.70 (rnn-churn global).", swings.Sentence);
    }
}

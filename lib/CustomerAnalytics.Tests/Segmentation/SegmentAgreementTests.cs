using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;
using CustomerAnalytics.Segmentation.Evaluation;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>The agreement of found clusters with the true segments, and the verdict the notebook prints about it.</summary>
public sealed class SegmentAgreementTests
{
    [Fact]
    public void TheVerdictAgainstTheTruthHasAnIntervalPerLabellingAndNamesAClearWinnerOnlyWithoutOverlap()
    {
        // 200 customers in two true segments; one labelling recovers them, one is the truth with every tenth customer
        // moved, one is unrelated (alternating)
        var ids = Enumerable.Range(0, 200).Select(i => $"c{i:D3}").ToArray();
        var truth = ids.Select((id, i) => (id, i < 100 ? "X" : "Y")).ToDictionary(p => p.id, p => p.Item2);
        var exact = ids.ToDictionary(id => id, id => truth[id] == "X" ? "1" : "2");
        var noisy = ids.Select((id, i) => (id, i % 10 == 0 ? (truth[id] == "X" ? "2" : "1") : exact[id])).ToDictionary(p => p.id, p => p.Item2);
        var unrelated = ids.Select((id, i) => (id, (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary(p => p.id, p => p.Item2);
        var verdict = SegmentAgreement.AgainstTruth(truth, [("exact", exact), ("noisy", noisy), ("unrelated", unrelated)]);
        Assert.Equal("exact", verdict.Best.Name);
        Assert.Equal(1.0, verdict.Candidates[0].Value.Estimate, 12);
        Assert.True(verdict.Candidates[2].Value.Upper < verdict.Candidates[1].Value.Lower);
        Assert.StartsWith("On agreement with the true segments (adjusted Rand index), ", verdict.Sentence);
        // the same customers in another order give the same intervals
        var shuffled = truth.Reverse().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(verdict.Candidates.Select(c => c.Value), SegmentAgreement.AgainstTruth(shuffled, [("exact", exact), ("noisy", noisy), ("unrelated", unrelated)]).Candidates.Select(c => c.Value));
        // two labellings that are the same partition: no clear winner
        var twin = exact.ToDictionary(p => p.Key, p => p.Value == "1" ? "a" : "b");
        Assert.False(SegmentAgreement.AgainstTruth(truth, [("exact", exact), ("twin", twin)]).ClearWinner);
    }

    [Fact]
    public void ScoresOfCustomersNoneOfWhomIsInTheTruthAreAClearError()
    {
        var scores = new SegmentScores(["a", "b"], [1, 2], [[0, 1], [1, 0]], ["One", "Two"]);
        var error = Assert.Throws<SegmentationException>(() => SegmentAgreement.Compare(scores, new Dictionary<string, string> { ["z"] = "X" }));
        Assert.Contains("compare with the truth of the data you clustered", error.Message);
    }
}

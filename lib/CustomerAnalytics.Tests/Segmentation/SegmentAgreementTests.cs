using CustomerAnalytics.Segmentation;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>The agreement of found clusters with the true segments, and the sentence the notebook prints about it.</summary>
public sealed class SegmentAgreementTests
{
    [Fact]
    public void TheReadingSaysBetterWorseOrLevelAgainstTheBaselineAndOthers()
    {
        var scores = new SegmentScores(["a", "b", "c", "d"], [1, 1, 2, 2], [[0, 1], [0, 1], [1, 0], [1, 0]], ["One", "Two"]);
        var truth = new Dictionary<string, string> { ["a"] = "X", ["b"] = "X", ["c"] = "Y", ["d"] = "Y" };
        var baseline = new Dictionary<string, string> { ["a"] = "P", ["b"] = "Q", ["c"] = "P", ["d"] = "Q" };
        var comparison = SegmentAgreement.Compare(scores, truth, baseline, "the grid");
        Assert.Equal(1.0, comparison.AdjustedRandIndex, 12);
        Assert.Equal("k-means agrees with the true segments with an adjusted Rand index of 1.00: better than the grid (-0.50), and level with k = 5 (1.00), and worse than magic (1.50).",
            comparison.Reading("k-means", ("k = 5", 0.998), ("magic", 1.5)));
        Assert.Equal("k-means agrees with the true segments with an adjusted Rand index of 1.00.", SegmentAgreement.Compare(scores, truth).Reading("k-means"));
    }

    [Fact]
    public void ScoresOfCustomersNoneOfWhomIsInTheTruthAreAClearError()
    {
        var scores = new SegmentScores(["a", "b"], [1, 2], [[0, 1], [1, 0]], ["One", "Two"]);
        var error = Assert.Throws<SegmentationException>(() => SegmentAgreement.Compare(scores, new Dictionary<string, string> { ["z"] = "X" }));
        Assert.Contains("compare with the truth of the data you clustered", error.Message);
    }
}

using CustomerAnalytics.Segmentation;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>Reading truth files with either id column, and the sentence the notebook prints about the comparison.</summary>
public sealed class TruthComparisonTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("truth-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_temp, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsTheOnlineRetailTruthByItsCustomerIdColumn()
    {
        var truth = TruthComparison.ReadTruth(Path.Combine(RepositoryPaths.Data, "truth", "online_retail_customer_segments.csv"), "CustomerID");
        Assert.Equal(File.ReadLines(Path.Combine(RepositoryPaths.Data, "truth", "online_retail_customer_segments.csv")).Count() - 1, truth.Count);
        Assert.Equal(["AtRisk", "Champions", "Hibernating", "Loyal", "Potential"], truth.Values.Distinct().Order());
        Assert.Equal("Loyal", TruthComparison.ReadTruth(Write("\"CustomerID\",\"segment\"\n\"12620\",\"Loyal\"\n"), "CustomerID")["12620"]);
    }

    [Fact]
    public void AnotherHeaderABadLineOrACustomerTwiceIsAClearError()
    {
        var wrongHeader = Assert.Throws<SegmentationException>(() => TruthComparison.ReadTruth(Write("CustomerID,segment\n1,A\n")));
        Assert.Contains("header customer_unique_id,segment (found 'CustomerID,segment')", wrongHeader.Message);
        Assert.Contains("line 3", Assert.Throws<SegmentationException>(() => TruthComparison.ReadTruth(Write("CustomerID,segment\n1,A\n2\n"), "CustomerID")).Message);
        Assert.Contains("customer 1 appears twice", Assert.Throws<SegmentationException>(() => TruthComparison.ReadTruth(Write("CustomerID,segment\n1,A\n1,B\n"), "CustomerID")).Message);
    }

    [Fact]
    public void TheReadingSaysBetterWorseOrLevelAgainstTheBaselineAndOthers()
    {
        var scores = new SegmentScores(["a", "b", "c", "d"], [1, 1, 2, 2], [[0, 1], [0, 1], [1, 0], [1, 0]], ["One", "Two"]);
        var truth = new Dictionary<string, string> { ["a"] = "X", ["b"] = "X", ["c"] = "Y", ["d"] = "Y" };
        var baseline = new Dictionary<string, string> { ["a"] = "P", ["b"] = "Q", ["c"] = "P", ["d"] = "Q" };
        var comparison = TruthComparison.Compare(scores, truth, baseline, "the grid");
        Assert.Equal(1.0, comparison.AdjustedRandIndex, 12);
        Assert.Equal("k-means agrees with the true segments with an adjusted Rand index of 1.00: better than the grid (-0.50), and level with k = 5 (1.00), and worse than magic (1.50).",
            comparison.Reading("k-means", ("k = 5", 0.998), ("magic", 1.5)));
        Assert.Equal("k-means agrees with the true segments with an adjusted Rand index of 1.00.", TruthComparison.Compare(scores, truth).Reading("k-means"));
    }
}

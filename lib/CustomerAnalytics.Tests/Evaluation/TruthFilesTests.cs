using CustomerAnalytics.Data;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Evaluation;

/// <summary>Reading the sample's truth files: either id column, quotes, and a clear error for every bad layout.</summary>
public sealed class TruthFilesTests : IDisposable
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
        var path = Path.Combine(RepositoryPaths.Data, "truth", "online_retail_customer_segments.csv");
        var truth = TruthFiles.ReadSegments(path, "CustomerID");
        Assert.Equal(File.ReadLines(path).Count() - 1, truth.Count);
        Assert.Equal(["DormantLowSpenders", "FrequentBigSpenders", "LapsedRepeaters", "RecentNewcomers", "SteadyRepeaters"], truth.Values.Distinct().Order());
        Assert.Equal("Loyal", TruthFiles.ReadSegments(Write("\"CustomerID\",\"segment\"\n\"12620\",\"Loyal\"\n"), "CustomerID")["12620"]);
    }

    [Fact]
    public void ReadsTheTrueProbabilitiesOfThePropensitySample()
    {
        var path = Path.Combine(RepositoryPaths.Data, "truth", "propensity_true_probability.csv");
        var truth = TruthFiles.ReadProbabilities(path);
        Assert.Equal(File.ReadLines(path).Count() - 1, truth.Count);
        Assert.All(truth.Values, p => Assert.InRange(p, 0, 1));
        Assert.Equal(0.25, TruthFiles.ReadProbabilities(Write("UserID,p\nu1,0.25\n"))["u1"]);
    }

    [Fact]
    public void AnotherHeaderABadLineOrAnIdTwiceIsAClearError()
    {
        var wrongHeader = Assert.Throws<TruthFileException>(() => TruthFiles.ReadSegments(Write("CustomerID,segment\n1,A\n")));
        Assert.Contains("header customer_unique_id,segment (found 'CustomerID,segment')", wrongHeader.Message);
        Assert.Contains("line 3", Assert.Throws<TruthFileException>(() => TruthFiles.ReadSegments(Write("CustomerID,segment\n1,A\n2\n"), "CustomerID")).Message);
        Assert.Contains("CustomerID 1 appears twice", Assert.Throws<TruthFileException>(() => TruthFiles.ReadSegments(Write("CustomerID,segment\n1,A\n1,B\n"), "CustomerID")).Message);
        Assert.Throws<TruthFileException>(() => TruthFiles.ReadSegments(Write("")));
    }

    [Fact]
    public void AMissingTruthFileSaysWhereTheSampleHasIt()
    {
        var error = Assert.Throws<DataFileNotFoundException>(() => TruthFiles.ReadSegments(Path.Combine(_temp, "none.csv")));
        Assert.Contains("data/truth/", error.Message);
    }
}

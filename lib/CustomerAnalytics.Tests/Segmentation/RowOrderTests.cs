using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>Segments, k-selection measures and names depend on the customers, never on the order of the table's rows.</summary>
public class RowOrderTests
{
    private static CustomerFeatures Shuffled(int seed)
    {
        var table = OlistSample.Rfm.Table;
        var order = Enumerable.Range(0, (int)table.Rows.Count).Select(i => (long)i).ToArray();
        new Random(seed).Shuffle(order);
        return CustomerFeatures.FromDataFrame(table[order]);
    }

    private static Dictionary<string, (string Name, double Distance)> ById(SegmentScores scores) =>
        Enumerable.Range(0, scores.Ids.Count).ToDictionary(i => scores.Ids[i], i => (scores.SegmentNames[scores.Clusters[i] - 1], scores.Distances[i].Min()));

    [Fact]
    public void ShufflingTheRowsGivesEveryCustomerTheSameSegment()
    {
        var original = SegmentationPipeline.Train(OlistSample.Features, clusters: 4);
        var shuffled = Shuffled(11);
        var other = SegmentationPipeline.Train(shuffled, clusters: 4);
        Assert.Equal(original.SegmentNames, other.SegmentNames);
        var (a, b) = (ById(original.Score(OlistSample.Features)), ById(other.Score(shuffled)));
        Assert.All(a, p => { Assert.Equal(p.Value.Name, b[p.Key].Name); Assert.Equal(p.Value.Distance, b[p.Key].Distance, 5); });
    }

    [Fact]
    public void ShufflingTheRowsGivesTheSameKSelection()
    {
        var a = SegmentationPipeline.SelectK(OlistSample.Features, 2, 5, silhouetteSample: 1000);
        var b = SegmentationPipeline.SelectK(Shuffled(5), 2, 5, silhouetteSample: 1000);
        Assert.All(a.Rows.Zip(b.Rows), p =>
        {
            Assert.Equal(p.First.AverageDistance, p.Second.AverageDistance, 6);
            Assert.Equal(p.First.Silhouette, p.Second.Silhouette, 6);
            Assert.Equal(p.First.DaviesBouldin, p.Second.DaviesBouldin, 6);
        });
    }
}

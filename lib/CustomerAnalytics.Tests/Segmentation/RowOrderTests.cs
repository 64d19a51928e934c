using CustomerAnalytics.Segmentation;
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
        var original = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 4 });
        var shuffled = Shuffled(11);
        var other = SegmentationModel.Train(shuffled, new KMeansOptions { Clusters = 4 });
        Assert.Equal(original.SegmentNames, other.SegmentNames);
        var (a, b) = (ById(original.Score(OlistSample.Features)), ById(other.Score(shuffled)));
        Assert.All(a, p => { Assert.Equal(p.Value.Name, b[p.Key].Name); Assert.Equal(p.Value.Distance, b[p.Key].Distance, 5); });
    }

    [Fact]
    public void ShufflingTheRowsGivesTheSameKSelection()
    {
        var options = new KSelectionOptions { MinK = 2, MaxK = 5, SilhouetteSampleSize = 1000 };
        var a = KSelection.Run(OlistSample.Features, options);
        var b = KSelection.Run(Shuffled(5), options);
        Assert.All(a.Rows.Zip(b.Rows), p =>
        {
            Assert.Equal(p.First.Inertia, p.Second.Inertia, 3);
            Assert.Equal(p.First.Silhouette, p.Second.Silhouette, 6);
            Assert.Equal(p.First.DaviesBouldin, p.Second.DaviesBouldin, 6);
        });
    }
}

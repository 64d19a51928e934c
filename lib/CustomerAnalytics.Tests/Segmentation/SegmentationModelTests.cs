using CustomerAnalytics.Segmentation;
using Xunit.Abstractions;

namespace CustomerAnalytics.Tests.Segmentation;

public class SegmentationModelTests(ITestOutputHelper output)
{
    // Measured on the committed sample with the default features, seed 42, customers in value order (so row order no longer
    // matters): k = 5, the elbow of k = 2..10 and the notebook's choice, 0.27 (k = 4: 0.253). Workshop 01's RFM-grid segments
    // scored 0.226 against the same truth with the id-ordered NTILE scores.
    private const double MinimumAdjustedRandIndex = 0.25;

    [Fact]
    public void TrainingTwiceWithTheSameSeedGivesTheSameModel()
    {
        var a = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 5, Seed = 7 });
        var b = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 5, Seed = 7 });
        Assert.Equal(a.Centroids, b.Centroids);
        Assert.Equal(a.Assign(OlistSample.Features).Clusters, b.Assign(OlistSample.Features).Clusters);
        Assert.Equal(a.SegmentNames, b.SegmentNames);
    }

    [Fact]
    public void EachCustomerIsInTheClusterOfTheNearestCentroid()
    {
        var model = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 4 });
        var assignment = model.Assign(OlistSample.Features);
        for (int i = 0; i < assignment.Clusters.Count; i++)
        {
            var d = assignment.Distances[i];
            Assert.Equal(Array.IndexOf(d, d.Min()) + 1, assignment.Clusters[i]);
        }
        Assert.Equal(4, assignment.Clusters.Distinct().Count());
    }

    [Fact]
    public void KLargerThanTheNumberOfCustomersIsAClearError()
    {
        var few = CustomerFeatures.FromDataFrame(OlistSample.Rfm.Table.Head(3));
        var e = Assert.Throws<SegmentationException>(() => SegmentationModel.Train(few, new KMeansOptions { Clusters = 5 }));
        Assert.Contains("k = 5 is larger than the number of customers (3)", e.Message);
        Assert.Contains("at least 2", Assert.Throws<SegmentationException>(() => SegmentationModel.Train(few, new KMeansOptions { Clusters = 1 })).Message);
    }

    [Fact]
    public void ScoresAreWrittenAsCsvWithOneRowPerCustomerAndADistancePerCluster()
    {
        var model = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 3 });
        var scores = model.Score(OlistSample.Features);
        var path = Path.Combine(Path.GetTempPath(), $"scores-{Guid.NewGuid():N}.csv");
        try
        {
            scores.WriteCsv(path);
            var lines = File.ReadAllLines(path);
            Assert.Equal("customer_unique_id,cluster,segment,distance_to_cluster,distance_to_cluster_1,distance_to_cluster_2,distance_to_cluster_3", lines[0]);
            Assert.Equal(OlistSample.Features.Count + 1, lines.Length);
            var first = lines[1].Split(',');
            Assert.Equal(OlistSample.Features.Ids[0], first[0]);
            var cluster = int.Parse(first[1]);
            Assert.Equal(model.SegmentNames[cluster - 1], first[2]);
            Assert.Equal(first[3], first[3 + cluster]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ASavedModelLoadsAndScoresExactlyTheSame()
    {
        var model = SegmentationModel.Train(OlistSample.Features);
        var path = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = SegmentationModel.Load(path);
            Assert.Equal(model.SegmentNames, loaded.SegmentNames);
            Assert.Equal(model.Features.Features, loaded.Features.Features);
            Assert.Equal(model.Score(OlistSample.Features).Clusters, loaded.Score(OlistSample.Features).Clusters);
            var newCustomer = new Dictionary<string, double> { ["recency_days"] = 5, ["frequency"] = 6, ["monetary_total"] = 2500 };
            Assert.Equal(model.ScoreCustomer(newCustomer), loaded.ScoreCustomer(newCustomer), (a, b) => a.Cluster == b.Cluster && a.Distances.SequenceEqual(b.Distances));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ANewCustomerWithoutAFeatureIsAClearError()
    {
        var model = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 3 });
        var e = Assert.Throws<SegmentationException>(() => model.ScoreCustomer(new Dictionary<string, double> { ["recency_days"] = 5 }));
        Assert.Contains("no value for 'frequency'", e.Message);
    }

    [Fact]
    public void ClustersRecoverTheTrueSegmentsOfTheSample()
    {
        var model = SegmentationModel.Train(OlistSample.Features, new KMeansOptions { Clusters = 5 });
        var table = OlistSample.Rfm.Table;
        var rfmGrid = Enumerable.Range(0, (int)table.Rows.Count).ToDictionary(i => (string)table.Columns["customer_unique_id"][i], i => (string)table.Columns["segment"][i]);
        var truth = TruthComparison.Compare(model.Score(OlistSample.Features), TruthComparison.ReadTruth(OlistSample.TruthPath), rfmGrid);
        output.WriteLine(truth.ToString());
        Assert.Equal(OlistSample.Features.Count, truth.Customers + truth.Unmatched);
        Assert.True(truth.AdjustedRandIndex > MinimumAdjustedRandIndex, truth.ToString());
        // Workshop 01's grid (F in order bands, R by rank) is a strong baseline on the sample: it separates one-time
        // from repeat buyers exactly, which is most of what tells the true segments apart. Both must beat chance well.
        Assert.True(truth.BaselineAdjustedRandIndex > MinimumAdjustedRandIndex, truth.ToString());
    }
}

using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;
using CustomerAnalytics.Segmentation.Evaluation;
using Microsoft.ML.Data;
using Microsoft.ML;
using Xunit.Abstractions;

namespace CustomerAnalytics.Tests.Segmentation;

public class SegmentationModelTests(ITestOutputHelper output)
{
    // Measured on the committed sample with the default features and the workshop's pipeline (one MLContext(seed) for
    // the data view, the scaler and k-means), customers in value order: at k = 5 (the elbow of k = 2..10) k-means lands
    // in one of two local optima depending on the seed, ARI about 0.22 (seed 42) or 0.29 (seeds 40, 41, 43); chance is 0.
    private const double MinimumAdjustedRandIndex = 0.18;

    [Fact]
    public void TrainingTwiceWithTheSameSeedGivesTheSameModel()
    {
        var a = SegmentationPipeline.Train(OlistSample.Features, clusters: 5, seed: 7);
        var b = SegmentationPipeline.Train(OlistSample.Features, clusters: 5, seed: 7);
        Assert.Equal(a.Centroids, b.Centroids);
        Assert.Equal(a.Assign(OlistSample.Features).Clusters, b.Assign(OlistSample.Features).Clusters);
        Assert.Equal(a.SegmentNames, b.SegmentNames);
    }

    [Fact]
    public void TheWrappedModelGivesMlNetsOwnClusters()
    {
        // As the notebook's step 4: Fit, Transform, and the PredictedLabel ML.NET writes is the cluster the wrapper reports.
        var mlContext = new MLContext(42);
        var data = OlistSample.Features.ToDataView(mlContext);
        var trained = SegmentationPipeline.Build(mlContext, 4).Fit(data);
        var model = SegmentationModel.From(trained, OlistSample.Features);
        // The view is in value order, the wrapper answers in table order: match the customers by their input values.
        var output = trained.Transform(data);
        var mlNet = output.GetColumn<float[]>("RawFeatures").Zip(output.GetColumn<uint>("PredictedLabel"))
            .DistinctBy(p => string.Join(",", p.First)).ToDictionary(p => string.Join(",", p.First), p => (int)p.Second);
        var wrapped = model.Assign(OlistSample.Features).Clusters;
        Assert.All(Enumerable.Range(0, OlistSample.Features.Count), i =>
            Assert.Equal(mlNet[string.Join(",", OlistSample.Features.Input[i].Select(v => (float)v))], wrapped[i]));
        Assert.Equal("Features", model.FeatureColumn);
        Assert.Equal(4, model.K);
    }

    [Fact]
    public void AFreshContextWithTheSameSeedGivesTheSameClustersAndAnotherSeedMayNot()
    {
        int[] Clusters(int seed)
        {
            var mlContext = new MLContext(seed);
            var data = OlistSample.Features.ToDataView(mlContext);
            return SegmentationPipeline.Build(mlContext, 6).Fit(data).Transform(data).GetColumn<uint>("PredictedLabel").Select(l => (int)l).ToArray();
        }
        Assert.Equal(Clusters(3), Clusters(3));
        Assert.Equal(SegmentationPipeline.Train(OlistSample.Features, 6, seed: 3).Assign(OlistSample.Features).Clusters.Order(), Clusters(3).Order());
        Assert.NotEqual(Clusters(3), Clusters(4)); // the seed does reach k-means++: otherwise the test above proves nothing
    }

    [Fact]
    public void APipelineWithoutKMeansIsAClearError()
    {
        var mlContext = new MLContext(1);
        var data = OlistSample.Features.ToDataView(mlContext);
        var scalerOnly = mlContext.Transforms.NormalizeMeanVariance("Features", "RawFeatures").Fit(data);
        var e = Assert.Throws<SegmentationException>(() => SegmentationModel.From(scalerOnly, OlistSample.Features));
        Assert.Contains("no k-means step", e.Message);
        Assert.Contains("Clustering.Trainers.KMeans", e.Message);
    }

    [Fact]
    public void AModelOfOtherFeaturesIsAClearError()
    {
        var recencyOnly = CustomerFeatures.FromDataFrame(OlistSample.Rfm.Table, new FeatureOptions { Features = [new("recency_days")] });
        var model = SegmentationPipeline.Train(recencyOnly, 3);
        var e = Assert.Throws<SegmentationException>(() => SegmentationModel.From(model.MlModel, OlistSample.Features));
        Assert.Contains("centroids of 1 values, but the customers have 3 features", e.Message);
    }

    [Fact]
    public void EachCustomerIsInTheClusterOfTheNearestCentroid()
    {
        var model = SegmentationPipeline.Train(OlistSample.Features, clusters: 4);
        var assignment = model.Assign(OlistSample.Features);
        for (int i = 0; i < assignment.Clusters.Count; i++)
        {
            var d = assignment.Distances[i];
            Assert.Equal(Array.IndexOf(d, d.Min()) + 1, assignment.Clusters[i]);
        }
        Assert.Equal(4, assignment.Clusters.Distinct().Count());
    }

    [Fact]
    public void ScoresAreWrittenAsCsvWithOneRowPerCustomerAndADistancePerCluster()
    {
        var model = SegmentationPipeline.Train(OlistSample.Features, clusters: 3);
        var scores = model.Score(OlistSample.Features);
        var path = Path.Combine(Path.GetTempPath(), $"scores-{Guid.NewGuid():N}.csv");
        try
        {
            scores.WriteCsv(path);
            var lines = File.ReadAllLines(path);
            Assert.Equal("customer_unique_id,cluster,segment,distance_to_cluster,distance_to_cluster_1,distance_to_cluster_2,distance_to_cluster_3", lines[0]);
            Assert.Equal(OlistSample.Features.Count + 1, lines.Length);
            // a segment name may hold commas ("one order, 5-8 months ago, high spend"): the field is then quoted
            var first = System.Text.RegularExpressions.Regex.Matches(lines[1], "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)")
                .Select(m => m.Groups[1].Value is var f && f.StartsWith('"') ? f[1..^1].Replace("\"\"", "\"") : m.Groups[1].Value).ToArray();
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
        var model = SegmentationPipeline.Train(OlistSample.Features, clusters: 5);
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
        var model = SegmentationPipeline.Train(OlistSample.Features, clusters: 3);
        var e = Assert.Throws<SegmentationException>(() => model.ScoreCustomer(new Dictionary<string, double> { ["recency_days"] = 5 }));
        Assert.Contains("no value for 'frequency'", e.Message);
    }

    [Fact]
    public void ClustersRecoverTheTrueSegmentsOfTheSample()
    {
        var model = SegmentationPipeline.Train(OlistSample.Features, clusters: 5);
        var table = OlistSample.Rfm.Table;
        var rfmGrid = Enumerable.Range(0, (int)table.Rows.Count).ToDictionary(i => (string)table.Columns["customer_unique_id"][i], i => (string)table.Columns["segment"][i]);
        var truth = SegmentAgreement.Compare(model.Score(OlistSample.Features), TruthFiles.ReadSegments(OlistSample.TruthPath), rfmGrid);
        output.WriteLine(truth.ToString());
        Assert.Equal(OlistSample.Features.Count, truth.Customers + truth.Unmatched);
        Assert.True(truth.AdjustedRandIndex > MinimumAdjustedRandIndex, truth.ToString());
        // Workshop 01's grid (F in order bands, R by rank) is a strong baseline on the sample: it separates one-time
        // from repeat buyers exactly, which is most of what tells the true segments apart. Both must beat chance well.
        Assert.True(truth.BaselineAdjustedRandIndex > MinimumAdjustedRandIndex, truth.ToString());
    }
}

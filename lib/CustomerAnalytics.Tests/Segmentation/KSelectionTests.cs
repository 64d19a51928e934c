using CustomerAnalytics.Segmentation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace CustomerAnalytics.Tests.Segmentation;

public class KSelectionTests(ITestOutputHelper output)
{
    [Fact]
    public void MeasuresEveryKAndAgreesWithTheModelTrainedForThatK()
    {
        var selection = SegmentationPipeline.SelectK(OlistSample.Features, 2, 6, silhouetteSample: int.MaxValue);
        output.WriteLine(selection.ToString());
        foreach (var r in selection.Rows) output.WriteLine($"{r.K}: average distance {r.AverageDistance:F4} silhouette {r.Silhouette:F4} DB {r.DaviesBouldin:F4} smallest {r.SmallestCluster}");
        Assert.Equal([2, 3, 4, 5, 6], selection.Rows.Select(r => r.K));
        Assert.All(selection.Rows.Zip(selection.Rows.Skip(1)), p => Assert.True(p.Second.AverageDistance < p.First.AverageDistance));

        // Row 4 describes exactly the model trained at k = 4: its silhouette, and ML.NET's average distance is the
        // mean squared distance of each customer to their own centroid.
        var model = SegmentationPipeline.Train(OlistSample.Features, clusters: 4);
        var assignment = model.Assign(OlistSample.Features);
        Assert.Equal(ClusterQuality.Silhouette(assignment.Points, assignment.Clusters), selection[4].Silhouette, 9);
        var meanSquared = assignment.Distances.Select((d, i) => d[assignment.Clusters[i] - 1] * d[assignment.Clusters[i] - 1]).Average();
        Assert.Equal(meanSquared, selection[4].AverageDistance, 3);
        Assert.Equal(assignment.Clusters.GroupBy(c => c).Min(g => g.Count()), selection[4].SmallestCluster);
    }

    [Fact]
    public void TheRowCarriesMlNetsDaviesBouldinIndex()
    {
        var mlContext = new MLContext(42);
        var data = OlistSample.Features.ToDataView(mlContext);
        var predictions = SegmentationPipeline.Build(mlContext, 3).Fit(data).Transform(data);
        var metrics = mlContext.Clustering.Evaluate(predictions, scoreColumnName: "Score", featureColumnName: "Features");
        var row = KSelectionRow.Measure(3, metrics, predictions, 1000, seed: 42);
        Assert.Equal(metrics.DaviesBouldinIndex, row.DaviesBouldin);
        Assert.Equal(metrics.AverageDistance, row.AverageDistance);
        Assert.InRange(row.DaviesBouldin, 0.1, 5);
    }

    [Fact]
    public void SamplesTheSilhouetteAboveTheSampleSize()
    {
        var selection = SegmentationPipeline.SelectK(OlistSample.Features, 3, 3, silhouetteSample: 500);
        Assert.Equal(500, selection.SilhouetteSample);
        Assert.Equal(OlistSample.Features.Count, selection.Customers);
        Assert.Contains("a sample of 500", selection.ToString());
    }

    [Fact]
    public void TheKsSideBySideGiveTheRowsOfTheNotebooksSequentialLoop()
    {
        var selection = SegmentationPipeline.SelectK(OlistSample.Features, 2, 5, silhouetteSample: 300);
        for (var k = 2; k <= 5; k++)
        {
            // The notebook's loop body for one k, on its own; the sampled silhouette from all points, as before the
            // row read only the sampled customers.
            var mlContext = new MLContext(42);
            var data = OlistSample.Features.ToDataView(mlContext);
            var predictions = SegmentationPipeline.Build(mlContext, k).Fit(data).Transform(data);
            var metrics = mlContext.Clustering.Evaluate(predictions, scoreColumnName: "Score", featureColumnName: "Features");
            var points = predictions.GetColumn<float[]>("Features").Select(v => Array.ConvertAll(v, x => (double)x)).ToArray();
            var labels = predictions.GetColumn<uint>("PredictedLabel").Select(l => (int)l).ToArray();
            var row = selection[k];
            Assert.Equal(metrics.AverageDistance, row.AverageDistance);
            Assert.Equal(metrics.DaviesBouldinIndex, row.DaviesBouldin);
            Assert.Equal(ClusterQuality.SampledSilhouette(points, labels, 300, 42), row.Silhouette, 12);
            Assert.Equal(300, row.SilhouetteSample);
        }
    }

    [Fact]
    public void MisusedInputsAreClearErrors()
    {
        Assert.Contains("No k was measured", Assert.Throws<SegmentationException>(() => new KSelection([])).Message);
        var mlContext = new MLContext(1);
        var data = OlistSample.Features.ToDataView(mlContext);
        var predictions = SegmentationPipeline.Build(mlContext, 3).Fit(data).Transform(data);
        var metrics = mlContext.Clustering.Evaluate(predictions, scoreColumnName: "Score", featureColumnName: "Features");
        var e = Assert.Throws<SegmentationException>(() => KSelectionRow.Measure(3, metrics, predictions, 100, 1, featureColumn: "Scaled"));
        Assert.Contains("no 'Scaled' column", e.Message);
        Assert.Contains("RawFeatures, Features", e.Message);
    }
}

/// <summary>The sentence workshop 02 prints about the three k-selection measures.</summary>
public class KSelectionReadingTests
{
    private static KSelectionRow Row(int k, double averageDistance, double silhouette, double daviesBouldin) => new(k, averageDistance, silhouette, daviesBouldin, 10, 100, 100);

    private static readonly KSelection Selection = new(
        [Row(2, 100, 0.5, 0.7), Row(3, 50, 0.4, 0.9), Row(4, 40, 0.35, 0.8), Row(5, 35, 0.3, 1.1)]);

    [Fact]
    public void NamesTheBestKOfEachMeasureAndTheIndicesAtTheChosenAndReferenceK()
    {
        Assert.Equal(3, Selection.Elbow);
        Assert.Equal("The silhouette is highest at k = 2 (0.500), the Davies-Bouldin index lowest at k = 2 (0.700), and the average distance bends at k = 3." +
                     " At k = 3 (the chosen k): silhouette 0.400, Davies-Bouldin 0.900. At k = 5 (the original workshop's): silhouette 0.300, Davies-Bouldin 1.100.",
            Selection.Reading(3, 5, "the original workshop's"));
    }

    [Fact]
    public void AKOutsideTheTriedRangeIsSaidSoAndAReferenceEqualToTheChosenKIsNotRepeated()
    {
        Assert.EndsWith(" k = 8 (the chosen k) was not tried (k = 2..5).", Selection.Reading(8));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Selection.Reading(4, 4), "At k = 4"));
    }
}

using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Evaluation;
using Microsoft.ML.Data;
using Microsoft.ML;
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
            // The notebook's FitBest for one k, on its own: every start, the lowest average distance kept.
            var starts = Enumerable.Range(0, SegmentationPipeline.Starts).Select(s => SegmentationPipeline.FitOnce(OlistSample.Features, k, 42 + s).Measures).ToArray();
            var best = starts.MinBy(m => m.AverageDistance)!;
            var row = selection[k];
            Assert.Equal(best.AverageDistance, row.AverageDistance);
            Assert.Equal(best.DaviesBouldinIndex, row.DaviesBouldin);
            var points = Enumerable.Range(0, best.Labels.Count).Select(best.Point).ToArray();
            Assert.Equal(ClusterQuality.SampledSilhouette(points, best.Labels, 300, 42), row.Silhouette, 12);
            Assert.Equal(300, row.SilhouetteSample);
            Assert.Equal(SegmentationPipeline.Fit(OlistSample.Features, k).Measures.AverageDistance, row.AverageDistance);
        }
    }

    [Fact]
    public void TheBestStartIsNeverWorseThanTheFirst()
    {
        // k = 6 on the sample: the starts end in different local optima, or the best-of test above proves nothing.
        var starts = Enumerable.Range(0, SegmentationPipeline.Starts).Select(s => SegmentationPipeline.FitOnce(OlistSample.Features, 6, 42 + s).Measures.AverageDistance).ToArray();
        Assert.True(starts.Distinct().Count() > 1, string.Join(", ", starts));
        Assert.Equal(starts.Min(), SegmentationPipeline.Fit(OlistSample.Features, 6).Measures.AverageDistance);
    }

    [Fact]
    public void MisusedInputsAreClearErrors()
    {
        Assert.Contains("No k was measured", Assert.Throws<SegmentationException>(() => new KSelection([])).Message);
        var mlContext = new MLContext(1);
        var data = OlistSample.Features.ToDataView(mlContext);
        var predictions = SegmentationPipeline.Build(mlContext, 3).Fit(data).Transform(data);
        var e = Assert.Throws<SegmentationException>(() => KSelectionRow.Measure(3, predictions, 100, 1, featureColumn: "Scaled"));
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

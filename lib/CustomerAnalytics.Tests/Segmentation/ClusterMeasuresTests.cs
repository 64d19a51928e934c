using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Evaluation;
using Microsoft.ML.Data;
using Microsoft.ML;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>ML.NET's <c>Clustering.Evaluate</c> is the reference for the one-pass <see cref="ClusterMeasures"/>.</summary>
public class ClusterMeasuresTests
{
    [Theory]
    [InlineData(2, 42)]
    [InlineData(4, 42)]
    [InlineData(6, 7)]
    [InlineData(9, 3)]
    public void GiveMlNetsAverageDistanceAndDaviesBouldinIndex(int k, int seed)
    {
        var mlContext = new MLContext(seed);
        var data = OlistSample.Features.ToDataView(mlContext);
        var predictions = SegmentationPipeline.Build(mlContext, k).Fit(data).Transform(data);
        var metrics = mlContext.Clustering.Evaluate(predictions, scoreColumnName: "Score", featureColumnName: "Features");
        var measures = ClusterMeasures.Of(predictions);
        Assert.Equal(metrics.AverageDistance, measures.AverageDistance, Relative(metrics.AverageDistance, 1e-9));
        // ML.NET sums the centroids and distances in float (the float sums over thousands of customers drift by a few
        // 1e-6): its index is within that rounding of the one computed in double.
        Assert.Equal(metrics.DaviesBouldinIndex, measures.DaviesBouldinIndex, Relative(metrics.DaviesBouldinIndex, 1e-5));
        Assert.Equal(k, measures.K);
        Assert.Equal(predictions.GetColumn<uint>("PredictedLabel").Select(l => (int)l), measures.Labels);
        Assert.Equal(measures.AverageDistance * OlistSample.Features.Count, measures.Inertia, 6);
        var first = predictions.GetColumn<float[]>("Features").First();
        Assert.Equal(Array.ConvertAll(first, v => (double)v), measures.Point(0));
    }

    private static double Relative(double reference, double tolerance) => Math.Abs(reference) * tolerance;

    [Fact]
    public void PredictionsWithoutScoresAreAClearError()
    {
        var mlContext = new MLContext(1);
        var data = OlistSample.Features.ToDataView(mlContext);
        var e = Assert.Throws<SegmentationException>(() => ClusterMeasures.Of(data, "RawFeatures"));
        Assert.Contains("no 'Score' column", e.Message);
        Assert.Contains("Transform", e.Message);
    }
}

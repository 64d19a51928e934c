using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace CustomerAnalytics.Segmentation;

/// <summary>
/// The library's copy of the ML.NET pipeline that workshop 02 writes out in its step 3 cell, for the benchmark and
/// the tests (the notebook builds its own, in view, so the attendee can change it). A test checks that the notebook's
/// cell still sets what this copy sets.
/// </summary>
public static class SegmentationPipeline
{
    /// <summary>
    /// <c>NormalizeMeanVariance</c> (RawFeatures → Features: mean 0, standard deviation 1), then ML.NET k-means with
    /// k-means++ initialisation on one thread (with several, the order of floating-point sums can change between
    /// runs, and so can the clusters).
    /// </summary>
    public static IEstimator<ITransformer> Build(MLContext mlContext, int clusters) =>
        mlContext.Transforms.NormalizeMeanVariance(outputColumnName: "Features", inputColumnName: "RawFeatures", fixZero: false)
            .Append(mlContext.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = "Features",
                NumberOfClusters = clusters,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                MaximumNumberOfIterations = 1000,
                OptimizationTolerance = 1e-7f,
                NumberOfThreads = 1,
            }));

    /// <summary>
    /// What the notebook's step 4 does: a fresh <c>new MLContext(seed)</c>, the customers' data view, <see cref="Build"/>,
    /// <c>Fit</c>, wrapped and named. The same customers, k and seed always give the same clusters.
    /// </summary>
    public static SegmentationModel Train(CustomerFeatures features, int clusters, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(features);
        var mlContext = new MLContext(seed);
        var data = features.ToDataView(mlContext);
        return SegmentationModel.From(Build(mlContext, clusters).Fit(data), features);
    }

    /// <summary>
    /// The notebook's k loop: for each k from <paramref name="minK"/> to <paramref name="maxK"/>, exactly <see cref="Train"/>'s
    /// steps, then <c>Clustering.Evaluate</c> and <see cref="KSelectionRow.Measure"/>. The ks run side by side, one per core:
    /// each has its own <c>MLContext(seed)</c> and a one-thread trainer, so every row is exactly what the notebook's
    /// sequential loop gives, whatever the number of cores.
    /// </summary>
    public static KSelection SelectK(CustomerFeatures features, int minK, int maxK, int silhouetteSample, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = new KSelectionRow[Math.Max(0, maxK - minK + 1)];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var k = minK + i;
            var mlContext = new MLContext(seed);
            var data = features.ToDataView(mlContext);
            var predictions = Build(mlContext, k).Fit(data).Transform(data);
            var metrics = mlContext.Clustering.Evaluate(predictions, scoreColumnName: "Score", featureColumnName: "Features");
            rows[i] = KSelectionRow.Measure(k, metrics, predictions, silhouetteSample, seed);
        });
        return new KSelection(rows);
    }
}

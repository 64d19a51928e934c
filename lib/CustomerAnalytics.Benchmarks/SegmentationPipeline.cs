using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;
using CustomerAnalytics.Segmentation.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// A copy of the ML.NET pipeline that workshop 02 writes out in its step 3 cell, for the benchmark and the tests
/// (the notebook builds its own, in view, so the attendee can change it; the library it loads has no copy). A test
/// checks that the notebook's cell still sets what this copy sets.
/// </summary>
public static class SegmentationPipeline
{
    /// <summary>
    /// k-means fits per k, from the seeds seed, seed + 1, ...: the one with the lowest average distance is kept. One
    /// k-means++ start can end in a poorer local optimum (on the benchmark's 98,322 customers up to 12% more inertia at
    /// some k); the best of three has scikit-learn's inertia (one start, seed 42) or less at every k = 2..10 there.
    /// </summary>
    public const int Starts = 3;

    /// <summary>
    /// <c>NormalizeMeanVariance</c> (RawFeatures → Features: mean 0, standard deviation 1), a cache of the scaled rows
    /// (k-means reads them once per iteration: without it every pass rescales every row through the data view), then
    /// ML.NET k-means with k-means++ initialisation on one thread (with several, the order of floating-point sums can
    /// change between runs, and so can the clusters). ML.NET stops when the mean squared distance changes by less than
    /// the tolerance between two iterations; 1e-4 ends where ML.NET's default 1e-7 does, to 0.01% of the inertia at
    /// every k of the 98,322-customer benchmark, in less time.
    /// </summary>
    public static IEstimator<ITransformer> Build(MLContext mlContext, int clusters) =>
        mlContext.Transforms.NormalizeMeanVariance(outputColumnName: "Features", inputColumnName: "RawFeatures", fixZero: false)
            .AppendCacheCheckpoint(mlContext)
            .Append(mlContext.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = "Features",
                NumberOfClusters = clusters,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                MaximumNumberOfIterations = 1000,
                OptimizationTolerance = 1e-4f,
                NumberOfThreads = 1,
            }));

    /// <summary>
    /// One start: a fresh <c>new MLContext(seed)</c>, the customers' data view, <see cref="Build"/>, <c>Fit</c>, and the
    /// <see cref="ClusterMeasures"/> of its <c>Transform</c> of the same customers.
    /// </summary>
    public static (ITransformer Model, ClusterMeasures Measures) FitOnce(CustomerFeatures features, int clusters, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        var mlContext = new MLContext(seed);
        var data = features.ToDataView(mlContext);
        var model = Build(mlContext, clusters).Fit(data);
        return (model, ClusterMeasures.Of(model.Transform(data)));
    }

    /// <summary>
    /// What the notebook's <c>FitBest</c> does: <see cref="Starts"/> calls of <see cref="FitOnce"/> from the seeds
    /// <paramref name="seed"/>, <paramref name="seed"/> + 1, ..., keeping the lowest average distance (the first on a tie).
    /// </summary>
    public static (ITransformer Model, ClusterMeasures Measures) Fit(CustomerFeatures features, int clusters, int seed = 42) =>
        Best(Enumerable.Range(0, Starts).Select(start => FitOnce(features, clusters, seed + start)));

    /// <summary>
    /// <see cref="Fit"/>, wrapped and named. The same customers, k and seed always give the same clusters.
    /// </summary>
    public static SegmentationModel Train(CustomerFeatures features, int clusters, int seed = 42) =>
        SegmentationModel.From(Fit(features, clusters, seed).Model, features);

    /// <summary>
    /// The notebook's k loop: for each k from <paramref name="minK"/> to <paramref name="maxK"/>, <see cref="Fit"/> and
    /// <see cref="KSelectionRow.Measure(int, ClusterMeasures, int, int)"/>. The starts of all ks run side by side, one per
    /// core: each has its own <c>MLContext(seed)</c> and a one-thread trainer, so every row is exactly what the notebook's
    /// sequential loop gives, whatever the number of cores.
    /// </summary>
    public static KSelection SelectK(CustomerFeatures features, int minK, int maxK, int silhouetteSample, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(features);
        var ks = Math.Max(0, maxK - minK + 1);
        var fits = new (ITransformer Model, ClusterMeasures Measures)[ks * Starts];
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        // Largest k first: its fits take longest, so the cores finish together.
        Parallel.For(0, fits.Length, cores, i =>
        {
            var slot = fits.Length - 1 - i;
            fits[slot] = FitOnce(features, minK + slot / Starts, seed + slot % Starts);
        });
        var rows = new KSelectionRow[ks];
        Parallel.For(0, ks, cores, i => rows[i] = KSelectionRow.Measure(minK + i, Best(fits.Skip(i * Starts).Take(Starts)).Measures, silhouetteSample, seed));
        return new KSelection(rows);
    }

    private static (ITransformer Model, ClusterMeasures Measures) Best(IEnumerable<(ITransformer Model, ClusterMeasures Measures)> fits) =>
        fits.Aggregate((best, next) => next.Measures.AverageDistance < best.Measures.AverageDistance ? next : best);
}

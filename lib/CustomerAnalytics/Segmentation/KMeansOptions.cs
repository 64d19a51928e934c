using Microsoft.ML.Trainers;

namespace CustomerAnalytics.Segmentation;

/// <summary>How ML.NET's k-means is trained. The same options and data always give the same clusters.</summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters k.</summary>
    public int Clusters { get; init; } = 5;

    /// <summary>Seed of the MLContext: fixes the k-means++ initial centroids.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>k-means++ spreads the initial centroids out; the alternatives are Random and KMeansYinyang.</summary>
    public KMeansTrainer.InitializationAlgorithm Initialization { get; init; } = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus;

    /// <summary>Upper bound on Lloyd iterations.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when the relative improvement falls below this.</summary>
    public float Tolerance { get; init; } = 1e-7f;

    /// <summary>
    /// ML.NET threads. One thread by default: with several, the order of floating-point sums can change between
    /// runs, and so can the clusters. k-means on a few features is fast anyway.
    /// </summary>
    public int Threads { get; init; } = 1;

    internal KMeansTrainer.Options ToTrainerOptions(int clusters) => new()
    {
        FeatureColumnName = MlData.FeaturesColumn,
        NumberOfClusters = clusters,
        InitializationAlgorithm = Initialization,
        MaximumNumberOfIterations = MaxIterations,
        OptimizationTolerance = Tolerance,
        NumberOfThreads = Threads,
    };
}

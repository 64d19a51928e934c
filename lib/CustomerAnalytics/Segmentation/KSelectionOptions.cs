namespace CustomerAnalytics.Segmentation;

/// <summary>Which k to try and how to measure each.</summary>
public sealed record KSelectionOptions
{
    /// <summary>Smallest k tried.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest k tried.</summary>
    public int MaxK { get; init; } = 10;

    /// <summary>
    /// The silhouette is O(n²): above this many customers it is computed exactly on a seeded random sample of
    /// this size (the same customers for every k), below it on everyone.
    /// </summary>
    public int SilhouetteSampleSize { get; init; } = 4000;

    /// <summary>How each k is trained (its Clusters is replaced by each k; its Seed also seeds the silhouette sample).</summary>
    public KMeansOptions KMeans { get; init; } = new();
}

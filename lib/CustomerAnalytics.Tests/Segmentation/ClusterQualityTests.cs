using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Evaluation;

namespace CustomerAnalytics.Tests.Segmentation;

public class ClusterQualityTests
{
    private static double[][] Points(params double[] xs) => xs.Select(x => new[] { x }).ToArray();

    [Fact]
    public void SilhouetteMatchesTheHandComputedValue()
    {
        // Clusters {0, 1} and {4, 5}: s(0) = (4.5 - 1) / 4.5 = 7/9 and s(1) = (3.5 - 1) / 3.5 = 5/7, mirrored for {4, 5}.
        var s = ClusterQuality.Silhouette(Points(0, 1, 4, 5), [0, 0, 1, 1]);
        Assert.Equal((7.0 / 9 + 5.0 / 7) / 2, s, 12);
    }

    [Fact]
    public void SilhouetteCountsAPointAloneInItsClusterAsZero()
    {
        // s(0) = (10 - 1) / 10, s(1) = (9 - 1) / 9, s(10) = 0 (singleton).
        var s = ClusterQuality.Silhouette(Points(0, 1, 10), [0, 0, 1]);
        Assert.Equal((0.9 + 8.0 / 9) / 3, s, 12);
    }

    [Fact]
    public void SilhouetteUsesEuclideanDistanceInSeveralDimensions()
    {
        // (0,0),(0,1) vs (3,4),(3,5): distances 5, sqrt(18), sqrt(10), 5 across; 1 within.
        double[][] points = [[0, 0], [0, 1], [3, 4], [3, 5]];
        var across0 = (5 + Math.Sqrt(34)) / 2; // from (0,0) to (3,4) and (3,5)
        var across1 = (Math.Sqrt(18) + 5) / 2; // from (0,1)
        var expected = ((across0 - 1) / across0 + (across1 - 1) / across1) / 2; // symmetric clusters
        Assert.Equal(expected, ClusterQuality.Silhouette(points, [1, 1, 2, 2]), 12);
    }

    [Fact]
    public void SilhouetteOfOneClusterIsAnError()
    {
        var e = Assert.Throws<SegmentationException>(() => ClusterQuality.Silhouette(Points(0, 1, 2), [3, 3, 3]));
        Assert.Contains("at least 2 clusters", e.Message);
    }

    [Fact]
    public void SampledSilhouetteIsExactForSmallDataAndRepeatableForLargeData()
    {
        var points = Enumerable.Range(0, 300).Select(i => new[] { i % 3 * 10.0 + i * 0.01, i % 7 * 0.1 }).ToArray();
        var labels = Enumerable.Range(0, 300).Select(i => i % 3).ToArray();
        Assert.Equal(ClusterQuality.Silhouette(points, labels), ClusterQuality.SampledSilhouette(points, labels, 300, seed: 1));
        var a = ClusterQuality.SampledSilhouette(points, labels, 100, seed: 1);
        Assert.Equal(a, ClusterQuality.SampledSilhouette(points, labels, 100, seed: 1));
        Assert.NotEqual(a, ClusterQuality.SampledSilhouette(points, labels, 100, seed: 2));
        Assert.InRange(a, 0.8, 1.0);
    }

    [Fact]
    public void AdjustedRandIndexMatchesHandComputedValues()
    {
        Assert.Equal(1.0, ClusterQuality.AdjustedRandIndex<int, string>([1, 1, 2, 2], ["b", "b", "a", "a"]), 12);
        // Contingency {2}, {1, 1}: index 1, expected 2*1/6, max 1.5 -> (1 - 1/3) / (1.5 - 1/3) = 4/7.
        Assert.Equal(4.0 / 7, ClusterQuality.AdjustedRandIndex<int, int>([0, 0, 1, 1], [0, 0, 1, 2]), 12);
        Assert.True(ClusterQuality.AdjustedRandIndex<int, int>([0, 0, 1, 1], [0, 1, 0, 1]) < 0);
    }
}

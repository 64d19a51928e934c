using CustomerAnalytics.Segmentation.Charts;

namespace CustomerAnalytics.Tests.Segmentation;

public class PcaProjectionTests
{
    [Fact]
    public void FindsTheDirectionOfPointsOnALine()
    {
        double[][] points = [[0, 0, 1], [1, 1, 1], [2, 2, 1], [3, 3, 1]];
        var pca = PcaProjection.Fit(points, 2);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio[0], 9);
        Assert.Equal(Math.Sqrt(0.5), pca.Components[0][0], 9);
        Assert.Equal(Math.Sqrt(0.5), pca.Components[0][1], 9);
        var projected = pca.Project(points);
        Assert.Equal(Math.Sqrt(2) * 1.5, projected[3][0], 9);
    }

    [Fact]
    public void ComponentsAreOrthonormalAndOrderedByVariance()
    {
        var points = OlistSample.Features.Scaled;
        var pca = PcaProjection.Fit(points, 3);
        Assert.True(pca.ExplainedVarianceRatio[0] >= pca.ExplainedVarianceRatio[1]);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 6);
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                Assert.Equal(a == b ? 1 : 0, pca.Components[a].Zip(pca.Components[b]).Sum(p => p.First * p.Second), 9);
    }
}

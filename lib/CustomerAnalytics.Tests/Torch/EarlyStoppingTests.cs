using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Tests.Torch;

public class EarlyStoppingTests
{
    [Fact]
    public void EarlyStoppingWaitsForPatience()
    {
        var stopping = new EarlyStopping(2);
        Assert.True(stopping.Update(1, 1.0));
        Assert.True(stopping.Update(2, 0.8));
        Assert.False(stopping.Update(3, 0.85));
        Assert.False(stopping.ShouldStop);
        Assert.False(stopping.Update(4, 0.8));
        Assert.True(stopping.ShouldStop);
        Assert.Equal(2, stopping.BestEpoch);
    }
}

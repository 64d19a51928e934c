using CustomerAnalytics.Propensity;

namespace CustomerAnalytics.Tests.Propensity;

public sealed class SplitTests
{
    [Fact]
    public void SplitIsStratifiedDisjointAndComplete()
    {
        var sessions = PropensitySample.Sessions;
        var split = PropensityData.Split(sessions, 0.6, 0.2, seed: 1);

        Assert.Equal(sessions.Count, split.Train.Count + split.Validation.Count + split.Test.Count);
        var ids = split.Train.Concat(split.Validation).Concat(split.Test).Select(s => s.UserId).ToHashSet();
        Assert.Equal(sessions.Count, ids.Count);
        double rate = PropensityData.Balance(sessions).OrderRate;
        foreach (var part in new[] { split.Train, split.Validation, split.Test })
            Assert.InRange(PropensityData.Balance(part).OrderRate, rate - 0.002, rate + 0.002);
        Assert.InRange(split.Test.Count, 2390, 2410);
    }

    [Fact]
    public void SameSeedSameSplitOtherSeedOtherSplit()
    {
        var a = PropensityData.Split(PropensitySample.Sessions, seed: 5);
        var b = PropensityData.Split(PropensitySample.Sessions, seed: 5);
        var c = PropensityData.Split(PropensitySample.Sessions, seed: 6);
        Assert.Equal(a.Test.Select(s => s.UserId), b.Test.Select(s => s.UserId));
        Assert.NotEqual(a.Test.Select(s => s.UserId), c.Test.Select(s => s.UserId));
    }
}

using CustomerAnalytics.Propensity.Data;

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

    [Fact]
    public void Split_and_sample_do_not_depend_on_the_row_order()
    {
        var sessions = PropensitySample.Sessions;
        var reversed = sessions.Reverse().ToArray();
        var shuffled = sessions.ToArray();
        new Random(99).Shuffle(shuffled);

        var expected = PropensityData.Split(sessions, seed: 5);
        foreach (var other in new[] { reversed, shuffled })
        {
            var split = PropensityData.Split(other, seed: 5);
            Assert.Equal(expected.Train.Select(s => s.UserId), split.Train.Select(s => s.UserId));
            Assert.Equal(expected.Validation.Select(s => s.UserId), split.Validation.Select(s => s.UserId));
            Assert.Equal(expected.Test.Select(s => s.UserId), split.Test.Select(s => s.UserId));
            Assert.Equal(PropensityData.Sample(sessions, 500, 3).Select(s => s.UserId), PropensityData.Sample(other, 500, 3).Select(s => s.UserId));
        }
    }

    [Fact]
    public void Sample_draws_the_requested_number_without_repeats_and_zero_means_all()
    {
        var sessions = PropensitySample.Sessions;
        var sample = PropensityData.Sample(sessions, 500, 3);
        Assert.Equal(500, sample.Count);
        Assert.Equal(500, sample.Select(s => s.UserId).Distinct().Count());
        Assert.NotEqual(sessions.Take(500).Select(s => s.UserId).Order(), sample.Select(s => s.UserId).Order());
        Assert.Equal(sessions.Count, PropensityData.Sample(sessions, 0, 3).Count);
        Assert.Contains("maxSessions", Assert.Throws<PropensityInputException>(() => PropensityData.Sample(sessions, -1, 3)).Message);
        Assert.NotEqual(sample.Select(s => s.UserId), PropensityData.Sample(sessions, 500, 4).Select(s => s.UserId));
    }
}

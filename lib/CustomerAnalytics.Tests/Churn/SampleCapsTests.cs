using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>The notebook's caps: a seeded validation sample that keeps the data's order, and a table of what they take.</summary>
public class SampleCapsTests
{
    private static readonly SequenceDataset Data = ChurnTestData.TinyTask(count: 50).Train;

    [Fact]
    public void ACapAtOrAboveTheSizeOrZeroKeepsTheDataAsItIs()
    {
        Assert.Same(Data, SampleCaps.Sample(Data, 50, seed: 1));
        Assert.Same(Data, SampleCaps.Sample(Data, 500, seed: 1));
        Assert.Same(Data, SampleCaps.Sample(Data, 0, seed: 1));
    }

    [Fact]
    public void ANegativeCapIsAnErrorNotNoCap()
    {
        Assert.Contains("maxTrainExamples = -1", Assert.Throws<ChurnDataException>(() => new SampleCaps(-1, 10, 1)).Message);
        Assert.Contains("maxValidationExamples = -5", Assert.Throws<ChurnDataException>(() => new SampleCaps(10, -5, 1)).Message);
        Assert.Throws<ChurnDataException>(() => SampleCaps.Sample(Data, -1, seed: 1));
    }

    [Fact]
    public void ASmallerCapTakesASeededSampleInTheDataOrder()
    {
        var sample = SampleCaps.Sample(Data, 20, seed: 1);
        Assert.Equal(20, sample.Count);
        var positions = sample.UserIds.Select(u => Data.UserIds.ToList().IndexOf(u)).ToArray();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(20, positions.Distinct().Count());
        Assert.Equal(positions.Select(p => Data.Sequences[p]), sample.Sequences);
        Assert.Equal(sample.UserIds, SampleCaps.Sample(Data, 20, seed: 1).UserIds);
        Assert.NotEqual(sample.UserIds, SampleCaps.Sample(Data, 20, seed: 2).UserIds);
    }

    [Fact]
    public void ApplyCapsTheValidationPartOnly()
    {
        var split = new DataSplit<SequenceDataset>(Data, Data, Data);
        var capped = new SampleCaps(MaxTrainExamples: 10, MaxValidationExamples: 15, Seed: 3).Apply(split);
        Assert.Same(Data, capped.Train);
        Assert.Same(Data, capped.Test);
        Assert.Equal(15, capped.Validation.Count);
    }

    [Fact]
    public void TheTableSaysHowManySequencesAreTrainedAndValidatedAndWhetherTheCapsBind()
    {
        var split = new DataSplit<SequenceDataset>(Data, SampleCaps.Sample(Data, 30, 1), SampleCaps.Sample(Data, 12, 1));
        var loose = new SampleCaps(100, 100, 42).Describe(("tiny", split));
        Assert.Equal(new SampleCapsRow("tiny", 50, 50, 30, 30, 12), loose.Rows.Single());
        Assert.False(loose.Binds);
        Assert.Contains("do not bind", loose.ToHtml());
        var tight = new SampleCaps(40, 20, 42).Describe(("tiny", split));
        Assert.Equal(new SampleCapsRow("tiny", 50, 40, 30, 20, 12), tight.Rows.Single());
        Assert.True(tight.Binds);
        Assert.Contains("at most 40 training sequences per epoch", tight.ToHtml());
        Assert.Equal("tiny: trains on 40 of 50 per epoch, validates on 20 of 30, tests on all 12", tight.ToString());
    }
}

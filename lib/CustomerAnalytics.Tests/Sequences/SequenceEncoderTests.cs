using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences.Data;

namespace CustomerAnalytics.Tests.Sequences;

public class SequenceEncoderTests
{
    private static readonly Vocabulary Vocabulary = Vocabulary.Build([["a", "b", "c", "d"]], startStop: true);

    [Fact]
    public void LongInputsKeepTheirMostRecentTokensAndSaySo()
    {
        var result = new SequenceEncoder(Vocabulary, 3, 2).Encode([new SequencePair("x", ["a", "b", "c", "d", "a"], ["b", "c", "d"])]);
        Assert.Equal(Vocabulary.Encode(["c", "d", "a"]), result.Pairs[0].Input);
        Assert.Equal(Vocabulary.Encode(["b", "c"]), result.Pairs[0].Target);
        Assert.Equal(1, result.Report.TruncatedInputs);
        Assert.Equal(2, result.Report.DroppedInputTokens);
        Assert.Contains(result.Report.Warnings, w => w.Contains("1 input(s) longer than 3 tokens") && w.Contains("2 older tokens dropped"));
        Assert.Contains(result.Report.Warnings, w => w.Contains("cut to their first 2"));
    }

    [Fact]
    public void EmptySequencesAreSkippedAndCounted()
    {
        var result = new SequenceEncoder(Vocabulary, 5, 5).Encode([
            new SequencePair("empty-input", [], ["a"]), new SequencePair("empty-target", ["a"], []), new SequencePair("ok", ["a"], ["b"])]);
        Assert.Equal(["ok"], result.Pairs.Select(p => p.Id));
        Assert.Equal(1, result.Report.EmptyInputs);
        Assert.Equal(1, result.Report.EmptyTargets);
        Assert.Equal(2, result.Report.Warnings.Count);
    }

    [Fact]
    public void UnknownTokensAreCountedByName()
    {
        var result = new SequenceEncoder(Vocabulary, 5, 5).Encode([new SequencePair("x", ["a", "zz", "zz"], ["yy"])]);
        Assert.Equal(2, result.Report.UnknownTokens["zz"]);
        Assert.Equal(1, result.Report.UnknownTokens["yy"]);
        Assert.Equal([Vocabulary.IdOf("a"), Vocabulary.UnknownId, Vocabulary.UnknownId], result.Pairs[0].Input);
        Assert.Contains("3 unknown token(s) mapped to <unk>", result.Report.ToString());
    }

    [Fact]
    public void SplitIsSeededAndDisjoint()
    {
        var items = Enumerable.Range(0, 100).ToArray();
        var a = DataSplit.Create(items, new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 3 });
        var b = DataSplit.Create(items, new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 3 });
        Assert.Equal(a.Test, b.Test);
        Assert.Equal((70, 10, 20), (a.Train.Count, a.Validation.Count, a.Test.Count));
        Assert.Equal(items, a.Train.Concat(a.Validation).Concat(a.Test).Order());
        Assert.NotEqual(a.Test, DataSplit.Create(items, new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 4 }).Test);
    }
}

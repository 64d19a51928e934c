using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences;

namespace CustomerAnalytics.Tests.Sequences;

public class VocabularyTests
{
    [Fact]
    public void SpecialsComeFirstThenTokensByFrequency()
    {
        var vocabulary = Vocabulary.Build([["web", "itv", "web"], ["visit", "itv", "web"]], startStop: true);
        Assert.Equal(["<pad>", "<unk>", "<start>", "<stop>", "web", "itv", "visit"], vocabulary.Tokens);
        Assert.Equal(0, vocabulary.IdOf(Vocabulary.Pad));
        Assert.Equal(4, vocabulary.IdOf("web"));
        Assert.Equal(["web", "itv", "visit"], vocabulary.DataTokens);
    }

    [Fact]
    public void UnknownTokensMapToUnk()
    {
        var vocabulary = Vocabulary.Build([["web", "itv"]], startStop: true);
        Assert.Equal([vocabulary.IdOf("web"), Vocabulary.UnknownId, vocabulary.IdOf("itv")], vocabulary.Encode(["web", "tiktok", "itv"]));
        Assert.Equal(["<pad>", "<unk>", "<start>", "<stop>", "itv", "web"], vocabulary.Tokens); // ties by name
        Assert.False(vocabulary.Contains("tiktok"));
    }

    [Fact]
    public void DecodeStopsAtStopAndSkipsPadding()
    {
        var vocabulary = Vocabulary.Build([["web", "itv"]], startStop: true);
        Assert.Equal(["web", "itv"], vocabulary.Decode([Vocabulary.StartId, vocabulary.IdOf("web"), Vocabulary.PadId, vocabulary.IdOf("itv"), Vocabulary.StopId, vocabulary.IdOf("web")]));
    }

    [Fact]
    public void ReservedTokensInTheDataAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Vocabulary.Build([["web", "<stop>"]], startStop: true));
        Assert.Contains("<stop>", error.Message);
    }

    [Fact]
    public void SaveAndLoadRoundTrip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.json");
        try
        {
            var vocabulary = Vocabulary.Build([["web", "itv", "web", "sky_one"]], startStop: true);
            vocabulary.Save(path);
            Assert.Equal(vocabulary.Tokens, Vocabulary.Load(path).Tokens);
            File.WriteAllText(path, "[\"web\"]");
            Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        }
        finally { File.Delete(path); }
    }
}

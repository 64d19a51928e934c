using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Tests.Sequences;

public class VocabularyTests
{
    [Fact]
    public void SpecialsComeFirstThenTokensByFrequency()
    {
        var vocabulary = Vocabulary.Build([["web", "itv", "web"], ["visit", "itv", "web"]], startStop: true);
        Assert.Equal(["<pad>", "<unk>", "<start>", "<stop>", "web", "itv", "visit"], vocabulary.Tokens);
        Assert.Equal(Vocabulary.Pad, vocabulary.TokenOf(Vocabulary.PadId));
        Assert.Equal(Vocabulary.UnknownId, vocabulary.IdOf(Vocabulary.Pad)); // a reserved name in the input is no data token
        Assert.False(vocabulary.Contains(Vocabulary.Stop));
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
            Assert.True(Vocabulary.Load(path).HasStartStop);
            var plain = Vocabulary.Build([["page_view", "scroll"]]);
            plain.Save(path);
            var loaded = Vocabulary.Load(path);
            Assert.Equal(plain.Tokens, loaded.Tokens);
            Assert.Equal(2, loaded.ReservedCount);
            File.WriteAllText(path, "[\"web\"]");
            Assert.Contains("must start with <pad>, <unk>", Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path)).Message);
            File.WriteAllText(path, "{ not json");
            Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        }
        finally { File.Delete(path); }
    }
}

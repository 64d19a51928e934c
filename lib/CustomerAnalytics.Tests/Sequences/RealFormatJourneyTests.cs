using CustomerAnalytics.Torch;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Tests.Fixtures.RealFormats;

namespace CustomerAnalytics.Tests.Sequences;

/// <summary>The journey format of the public small_train_data.csv (US networks, CRLF, no final newline, targets up to 12) from file to model input.</summary>
public class RealFormatJourneyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("us-journeys").FullName;
    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void TheFixtureWritesThePublishedFormat()
    {
        var parameters = UsNetworkJourneys.Write(folder);
        var path = Path.Combine(folder, UsNetworkJourneys.FileName);
        Assert.Equal([$"journeysSource={path}", "epochs=2", "maxJourneys=600", "conversionSamples=20", "hiddenSize=32"], parameters);
        var bytes = File.ReadAllBytes(path);
        var text = File.ReadAllText(path);
        Assert.NotEqual((byte)'\n', bytes[^1]);
        Assert.Equal(UsNetworkJourneys.Journeys - 1, text.Split("\r\n").Length - 1);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.Equal(bytes, (UsNetworkJourneys.Write(Path.Combine(folder, "again")), File.ReadAllBytes(Path.Combine(folder, "again", UsNetworkJourneys.FileName))).Item2);
    }

    [Fact]
    public void EveryLineLoadsWithItsLastTokenAndNothingIsCutWhenLengthsComeFromTheData()
    {
        UsNetworkJourneys.Write(folder);
        var loaded = JourneyLoader.Load(Path.Combine(folder, UsNetworkJourneys.FileName));
        Assert.Equal((UsNetworkJourneys.Journeys, 0L), (loaded.Records.Count, loaded.Report.RowsRejected));
        Assert.All(loaded.Records, r => Assert.All(r.Input.Concat(r.Target), t => Assert.DoesNotContain('\r', t)));
        var lastLine = File.ReadAllText(Path.Combine(folder, UsNetworkJourneys.FileName)).Split("\r\n")[^1].Split('\t');
        Assert.Equal(lastLine[2].Split(' '), loaded.Records[^1].Target);
        var summary = JourneySummary.Describe(loaded.Records);
        Assert.Equal(12, summary.TargetLengths[^1].Length);
        Assert.Contains(summary.TokenCounts, t => t.Token == "A&E");
        Assert.Contains(summary.TokenCounts, t => t.Token == "Telemundo(National)");
        Assert.InRange(summary.ConversionRate, 0.2, 0.7);

        var pairs = SequencePair.FromJourneys(loaded.Records);
        var lengths = SequenceLengths.Of(pairs);
        var vocabulary = Vocabulary.Build(pairs.Select(p => p.Input.Concat(p.Target)), startStop: true);
        var encoded = new SequenceEncoder(vocabulary, lengths.LongestInput, lengths.LongestTarget).Encode(pairs);
        Assert.Equal(12, lengths.LongestTarget);
        Assert.Empty(encoded.Report.Warnings);
        Assert.Equal(pairs.Select(p => p.Target.Count), encoded.Pairs.Select(p => p.Target.Length));
    }

    [Fact]
    public void AModelSizedForShorterTargetsSaysWhatItCut()
    {
        var pair = new SequencePair("48414", ["ESPN", "SpikeTV"], Enumerable.Repeat("NBC", 12).ToArray());
        var vocabulary = Vocabulary.Build([pair.Input, pair.Target], startStop: true);
        var report = new SequenceEncoder(vocabulary, 20, 5).Encode([pair]).Report;
        Assert.Equal(1, report.TruncatedTargets);
        Assert.Contains("1 target(s) longer than 5 tokens cut to their first 5.", report.Warnings);
    }
}

public class JourneySelectionTests
{
    private static readonly JourneyRecord[] Journeys =
        [new("20", ["NBC"], ["visit"]), new("3", ["ABC", "CBS"], ["CBS"]), new("3", ["ABC"], ["FOX"]), new("100", ["web"], ["visit"]), new("7", ["TNT"], ["web"])];

    [Fact]
    public void TheOrderOfTheLinesChangesNothing()
    {
        Assert.Equal(["3", "3", "20", "7", "100"], JourneySelection.Canonical(Journeys).Select(j => j.CustomerId));
        Assert.Equal(["ABC", "ABC CBS"], JourneySelection.Canonical(Journeys).Where(j => j.CustomerId == "3").Select(j => string.Join(' ', j.Input)));
        Assert.Contains("maxJourneys", Assert.Throws<SequenceInputException>(() => JourneySelection.Canonical(Journeys, max: -1)).Message);
        var subset = JourneySelection.Canonical(Journeys, max: 3, seed: 5);
        Assert.Equal(3, subset.Count);
        Assert.Equal(subset, JourneySelection.Canonical(Journeys.Reverse(), max: 3, seed: 5));
        Assert.Equal(subset.OrderBy(j => string.Join(' ', j.Input), StringComparer.Ordinal), subset);
        Assert.Equal(5, JourneySelection.Canonical(Journeys, max: 9).Count);
    }

    [Fact]
    public void RenamingTheCustomersMovesNoJourney()
    {
        var renamed = Journeys.Select(j => j with { CustomerId = "Z" + (1000 - int.Parse(j.CustomerId)) }).ToArray();
        string Content(JourneyRecord j) => string.Join(' ', j.Input) + " > " + string.Join(' ', j.Target);
        Assert.Equal(JourneySelection.Canonical(Journeys).Select(Content), JourneySelection.Canonical(renamed).Select(Content));
        Assert.Equal(JourneySelection.Canonical(Journeys, max: 3, seed: 5).Select(Content), JourneySelection.Canonical(renamed, max: 3, seed: 5).Select(Content));
    }
}

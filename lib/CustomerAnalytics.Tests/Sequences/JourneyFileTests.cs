using CustomerAnalytics.Torch;
using CustomerAnalytics.Data;
using CustomerAnalytics.Sequences.Data;

namespace CustomerAnalytics.Tests.Sequences;

/// <summary>From a journey file to model input: what the notebook relies on beyond the loader's own tests.</summary>
public class JourneyFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("journey-files").FullName;
    public void Dispose() => Directory.Delete(folder, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void MultiWordChannelNamesBecomeSeparateTokensWithLfOrCrlf()
    {
        const string lines = "c1\tsky one web visit\tweb\nc2\titv  web\tsky one\n";
        var lf = JourneyLoader.Load(Write("lf.tsv", lines));
        var crlf = JourneyLoader.Load(Write("crlf.tsv", lines.Replace("\n", "\r\n")));
        var vocabulary = Vocabulary.Build(lf.Records.Select(r => r.Input.Concat(r.Target)), startStop: true);
        Assert.Equal(["sky", "one", "web", "visit"], lf.Records[0].Input);
        Assert.Contains("sky", vocabulary.DataTokens);
        Assert.Contains("one", vocabulary.DataTokens);
        Assert.Equal(lf.Records.Select(r => r.ToString()), crlf.Records.Select(r => r.ToString()));
    }

    [Fact]
    public void MalformedLinesAreReportedAndTheRestIsKept()
    {
        var path = Write("bad.tsv", "c1\titv web\tvisit\nc2\titv web\nc3\t \tweb\nc4\tweb\tvisit\n");
        var loaded = JourneyLoader.Load(path, LoadOptions.Default with { MaxErrors = 10 });
        Assert.Equal(["c1", "c4"], loaded.Records.Select(r => r.CustomerId));
        Assert.Equal([2L, 3L], loaded.Report.FirstRejects.Select(r => r.Line));
        var summary = JourneySummary.Describe(loaded.Records);
        Assert.Equal(2, summary.Journeys);
        Assert.Equal(1.0, summary.ConversionRate);
    }

    [Fact]
    public void SummaryCountsPathsAndLengths()
    {
        var records = new[] { new JourneyRecord("a", ["itv", "web", "visit", "itv"], ["web"]), new JourneyRecord("b", ["itv", "web", "visit"], ["itv"]) };
        var summary = JourneySummary.Describe(records);
        Assert.Equal(("itv > web > visit", 2), summary.TopPaths[0]);
        Assert.Equal([(3, 1), (4, 1)], summary.InputLengths);
        Assert.Equal(0.0, summary.ConversionRate);
    }
}

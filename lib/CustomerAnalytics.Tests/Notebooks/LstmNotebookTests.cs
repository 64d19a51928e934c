using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>Workshop 04's prose says only what its cells print: no result typed into markdown, a computed verdict
/// with intervals for "does a visit follow?", and the last-touchpoint share printed by a cell.</summary>
[Collection(NotebookProcessCollection.Name)]
public partial class LstmNotebookTests
{
    private const string Name = "04-lstm-touchpoint-prediction.ipynb";


    [Fact]
    public void MarkdownTypesInNoResult()
    {
        // Settings and confidence levels are allowed (the 10% / 20% split, 95% intervals, "close to 100%"); figures of a run are not.
        string[] settings = ["10%", "20%", "95%", "100%"];
        foreach (var (_, text, _) in ExecutedNotebook.Cells(Path.Combine(RepositoryPaths.Notebooks, Name)).Where(c => c.Type == "markdown"))
        {
            Assert.DoesNotMatch(Decimal(), text);
            Assert.All(Percentage().Matches(text).Select(m => m.Value), p => Assert.Contains(p, settings));
            Assert.DoesNotContain("adds up", text);
            Assert.DoesNotContain("live chart", text);
            Assert.DoesNotContain("is the one to use", text);
        }
    }

    [Fact]
    public void TheRunPrintsTheVerdictsWithIntervalsAndTheLastTouchpointShare()
    {
        var run = WorkshopRuns.Notebook(Name);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        var cells = ExecutedNotebook.Cells(run.ExecutedPath);
        string OutputOf(string start) => cells.Single(c => c.Type == "code" && c.Source.StartsWith(start, StringComparison.Ordinal)).Output;
        Assert.Matches(@"journeys \(\d+\.\d%\) end with 'visit': 'visit' follows in (\d+\.\d% \[\d+\.\d%, \d+\.\d%\]|no journey) of them", OutputOf("using CustomerAnalytics.Evaluation;"));
        var verdicts = OutputOf("Console.WriteLine(conversion.F1Verdict.Sentence);");
        Assert.Matches(@"On F1, (no clear winner|.* is the clear winner)", verdicts);
        Assert.Matches(@"On accuracy, (no clear winner|.* is the clear winner)", verdicts);
        Assert.Matches(@"\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]", verdicts);
        Assert.Matches("The LSTM (wins clearly|has the best F1 estimate|does not win)", OutputOf("var f1Verdict = conversion.F1Verdict;"));
    }

    [Fact]
    public void TheWrittenOutGreedyLoopAgreesWithTheLibrarysBatchedDecoderOnEveryTestJourney()
    {
        var run = WorkshopRuns.Notebook(Name);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        var output = ExecutedNotebook.OutputOf(run.ExecutedPath, "greedy-decoding-agreement");

        var agreement = Regex.Match(output, @"agrees with Seq2SeqDecoding\.Greedy on (?<same>[\d,]+) of (?<all>[\d,]+) test journeys");
        Assert.True(agreement.Success, output);
        Assert.Equal(agreement.Groups["all"].Value, agreement.Groups["same"].Value);
        Assert.NotEqual("0", agreement.Groups["all"].Value);
        Assert.Matches(" -> predicted .*; true ", output);
    }

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"\d+(\.\d+)?%")]
    private static partial Regex Percentage();
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// The verdicts the notebooks print (a table of candidates with their intervals, then a sentence) are there, and each
/// sentence says "clear winner" or "no clear winner" as its own table's intervals demand. 03's profit threshold is
/// compared with break-even, warning exactly when it lies below, and its bootstrap spread is printed.
/// </summary>
[Collection(NotebookProcessCollection.Name)]
public sealed partial class VerdictOutputTests
{
    /// <summary>Notebooks with verdict cells and how many verdicts a run on the sample prints.</summary>
    public static TheoryData<string, int> NotebooksWithVerdicts() => new()
    {
        { "03-propensity-modelling.ipynb", 4 },   // validation AUC-ROC and AUC-PR; the single-flag baseline on both
        { "05-churn-attention.ipynb", 3 },        // churn accuracy and F1; accuracy against the type oracle
    };

    private sealed record Row(string Name, double Estimate, double Lower, double Upper);

    private static string Outputs(NotebookRun run)
    {
        Assert.True(run.Process.ExitCode == 0, $"{run.Name} failed (exit {run.Process.ExitCode}):\n{run.Process.Output}");
        return string.Concat(ReadJson(run.ExecutedPath).GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("text/html", out _))
            .Select(o => Text(o.GetProperty("data").GetProperty("text/html"))));
    }

    [Theory, MemberData(nameof(NotebooksWithVerdicts))]
    public void Every_verdict_says_clear_winner_or_no_clear_winner_as_its_intervals_demand(string name, int expected)
    {
        var verdicts = VerdictTable().Matches(Outputs(WorkshopRuns.Notebook(name)));

        Assert.Equal(expected, verdicts.Count);
        foreach (Match verdict in verdicts)
        {
            var rows = CellRow().Matches(verdict.Groups["rows"].Value).Select(m => new Row(WebUtility.HtmlDecode(m.Groups[1].Value),
                D(m.Groups[2].Value), D(m.Groups[3].Value), D(m.Groups[4].Value))).ToArray();
            var sentence = WebUtility.HtmlDecode(verdict.Groups["sentence"].Value);
            var best = Assert.Single(rows, r => r.Name.EndsWith(" (best estimate)", StringComparison.Ordinal));
            var others = rows.Where(r => r != best).ToArray();
            Assert.NotEmpty(others);
            // Three printed decimals: bounds that print equal could fall either way, so they decide nothing.
            bool Overlap(Row r) => r.Upper > best.Lower && r.Lower < best.Upper;
            bool Apart(Row r) => r.Upper < best.Lower || r.Lower > best.Upper;
            if (others.Any(Overlap)) Assert.Contains("no clear winner", sentence);
            else if (others.All(Apart)) Assert.Contains("is the clear winner", sentence);
        }
    }

    [Fact]
    public void The_profit_threshold_is_compared_with_break_even_and_its_spread_printed()
    {
        var html = Outputs(WorkshopRuns.Notebook("03-propensity-modelling.ipynb"));

        var check = BreakEvenRow().Match(html);
        Assert.True(check.Success, "no break-even check in 03's outputs");
        var (threshold, breakEven) = (D(check.Groups[1].Value), D(check.Groups[2].Value));
        Assert.Equal(threshold < breakEven ? "yes" : "no", check.Groups[3].Value);
        Assert.Equal(threshold < breakEven, check.Groups["sentence"].Value.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.Contains("bootstrap resamples of these sessions the best threshold has median", html);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<thead><tr><th>candidate</th><th>[^<]*</th><th>lower</th><th>upper</th></tr></thead><tbody>(?<rows>.*?)</tbody></table><p>(?<sentence>[^<]*)</p>", RegexOptions.Singleline)]
    private static partial Regex VerdictTable();

    [GeneratedRegex(@"<tr><td>([^<]*)</td><td>([-0-9.]+)</td><td>([-0-9.]+)</td><td>([-0-9.]+)</td></tr>")]
    private static partial Regex CellRow();

    [GeneratedRegex(@"<th>profit-maximising threshold</th>.*?<tbody><tr><td>([0-9.]+)</td><td>([0-9.]+)</td><td>(yes|no)</td>.*?</table><p>(?<sentence>[^<]*)</p>", RegexOptions.Singleline)]
    private static partial Regex BreakEvenRow();
}

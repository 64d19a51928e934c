using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Charts;
using CustomerAnalytics.Tests.Notebooks;

namespace CustomerAnalytics.Tests.Charts;

/// <summary>
/// Every chart the notebooks publish, read back from the runner's saved HTML (the small runs of
/// <see cref="WorkshopRuns"/>, on the sample and on other data), passes <see cref="ChartLint"/> and is styled
/// for a projector: as wide as the output area, large fonts.
/// </summary>
[Collection(Notebooks.NotebookProcessCollection.Name)]
public sealed partial class PublishedChartsTests
{
    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void Every_chart_published_on_the_sample_passes_the_chart_rules(string name) =>
        AssertChartsPass(WorkshopRuns.Notebook(name));

    [Theory, MemberData(nameof(NotebookExecutionTests.NotebooksWithData), MemberType = typeof(NotebookExecutionTests))]
    public void Every_chart_published_on_other_data_passes_the_chart_rules(string name) =>
        AssertChartsPass(WorkshopRuns.OnOtherData(name));

    private static void AssertChartsPass(NotebookRun run)
    {
        Assert.True(run.Process.ExitCode == 0, $"{run.Name} failed (exit {run.Process.ExitCode}):\n{run.Process.Output}");
        var pages = Directory.GetFiles(run.ChartsFolder, "*.html").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(pages);
        var problems = new List<string>();
        foreach (var page in pages)
        {
            var figure = Figure(page);
            problems.AddRange(ChartLint.Problems(figure).Select(p => $"{Path.GetFileName(page)}: {p}"));
            problems.AddRange(StyleProblems(figure).Select(p => $"{Path.GetFileName(page)}: {p}"));
        }
        Assert.True(problems.Count == 0, $"{run.Name}, {pages.Length} charts:\n" + string.Join("\n", problems));
    }

    // The projector rules that Charts.Publish applies through ChartStyle.
    private static IEnumerable<string> StyleProblems(string figureJson)
    {
        using var document = JsonDocument.Parse(figureJson);
        var layout = document.RootElement.GetProperty("layout");
        if (layout.TryGetProperty("width", out _)) yield return "the layout has a fixed width (it should follow the output area)";
        if (!document.RootElement.TryGetProperty("config", out var config) || !config.TryGetProperty("responsive", out var r) || !r.GetBoolean())
            yield return "the config is not responsive";
        var template = layout.GetProperty("template").GetProperty("layout");
        var tickSize = template.GetProperty("xaxis").GetProperty("tickfont").GetProperty("size").GetInt32();
        var axisTitleSize = template.GetProperty("xaxis").GetProperty("title").GetProperty("font").GetProperty("size").GetInt32();
        if (tickSize < 16) yield return $"tick labels are {tickSize} px (at least 16 for a projector)";
        if (axisTitleSize < 20) yield return $"axis titles are {axisTitleSize} px (at least 20 for a projector)";
    }

    /// <summary>The {data, layout, config} object that the saved page passes to Plotly.newPlot.</summary>
    private static string Figure(string htmlPath)
    {
        var match = FigureLine().Match(File.ReadAllText(htmlPath));
        Assert.True(match.Success, $"{htmlPath}: no 'var figure = ...;' line");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^\s*var figure = (\{.*\});\s*$", RegexOptions.Multiline)]
    private static partial Regex FigureLine();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CustomerAnalytics.Runner;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>What every committed notebook must look like (DESIGN.md conventions).</summary>
public partial class NotebookConventionTests
{
    public static TheoryData<string> NotebookNames()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Order()) data.Add(Path.GetFileName(path));
        return data;
    }

    private static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name))).RootElement;

    private static IEnumerable<JsonElement> Cells(JsonElement notebook, string type) =>
        notebook.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == type);

    private static string Source(JsonElement cell) => cell.GetProperty("source").ValueKind == JsonValueKind.Array
        ? string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString()))
        : cell.GetProperty("source").GetString() ?? "";

    [Fact]
    public void ThereAreNotebooks() => Assert.NotEmpty(NotebookNames());

    [Theory, MemberData(nameof(NotebookNames))]
    public void CommittedWithoutOutputs(string name)
    {
        foreach (var cell in Cells(Load(name), "code"))
        {
            Assert.Equal(0, cell.GetProperty("outputs").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void UsesTheCSharpKernel(string name)
    {
        var kernelspec = Load(name).GetProperty("metadata").GetProperty("kernelspec");
        Assert.Equal(".net-csharp", kernelspec.GetProperty("name").GetString());
        Assert.Equal("C#", kernelspec.GetProperty("language").GetString());
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void NuGetReferencesMatchDirectoryPackagesProps(string name)
    {
        var pinned = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var references = Cells(Load(name), "code").SelectMany(c => NuGetReference().Matches(Source(c))).ToArray();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var (package, version) = (reference.Groups["id"].Value, reference.Groups["version"].Value);
            Assert.True(pinned.TryGetValue(package, out var expected), $"{name}: {package} is not in Directory.Packages.props");
            Assert.True(expected == version, $"{name}: {package} {version}, but Directory.Packages.props pins {expected}");
        }
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void EveryCodeCellFollowsMarkdownThatExplainsIt(string name)
    {
        var previous = "";
        var index = 0;
        foreach (var cell in Load(name).GetProperty("cells").EnumerateArray())
        {
            index++;
            var type = cell.GetProperty("cell_type").GetString()!;
            if (type == "code" && previous != "markdown" && !IsInjectedOrExercise(cell))
                Assert.Fail($"{name}: code cell {index} has no markdown cell before it.");
            previous = type;
        }
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void CodeCellsStayShort(string name)
    {
        var index = 0;
        foreach (var cell in Load(name).GetProperty("cells").EnumerateArray())
        {
            index++;
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            // Package references and usings are declarations, not logic: they do not count.
            var lines = Source(cell).Split('\n').Select(l => l.Trim())
                .Count(l => l.Length > 0 && !l.StartsWith("#r ", StringComparison.Ordinal) && !l.StartsWith("using ", StringComparison.Ordinal));
            Assert.True(lines <= 16, $"{name}: code cell {index} has {lines} lines; move the loop into the library.");
        }
    }

    /// <summary>
    /// Notebooks whose prose is checked for typed-in figures (numbers in the prose are printed by cells, never typed
    /// in). The list grows as notebooks are brought in line; every notebook can be checked with <see cref="TypedInFigures"/>.
    /// </summary>
    public static readonly string[] ProseWithoutTypedFigures = ["00-setup-check.ipynb", "01-rfm-sql-prep.ipynb", "02-kmeans-segmentation.ipynb", "03-propensity-modelling.ipynb", "04-lstm-touchpoint-prediction.ipynb", "05-churn-attention.ipynb", "06-deploy-and-monitor.ipynb"];

    public static TheoryData<string> ProseCheckedNotebooks() => new(ProseWithoutTypedFigures);

    [Theory, MemberData(nameof(ProseCheckedNotebooks))]
    public void Prose_types_in_no_figure(string name)
    {
        var found = TypedInFigures(Load(name));
        Assert.True(found.Count == 0, $"{name}: figures typed into markdown (print them from a cell, or make them a parameter):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_typed_in_figure_check_finds_a_result_and_lets_parameters_and_versions_through()
    {
        var notebook = JsonDocument.Parse("""
            { "cells": [
              { "cell_type": "code", "source": ["var contactCost = 1.0;\n", "var fraction = 0.8;"] },
              { "cell_type": "markdown", "source": ["A contact costs 1.0; the model reaches AUC 0.9666 and finds 62% of orders; 80% of rows are kept; TorchSharp 0.107.0 on Ubuntu 24.04; ids like `17850.0`; 95% intervals and a 90% (Wilson) interval; 1.5 days."] }
            ] }
            """).RootElement;
        Assert.Equal(["cell 2: 0.9666", "cell 2: 62%", "cell 2: 1.5"], TypedInFigures(notebook));
    }

    /// <summary>
    /// Decimal numbers (0.033) and percentages (62%) in markdown cells that are not literals of the notebook's code
    /// (a parameter default, a constant a cell passes; a percentage may be a code fraction: 80% for 0.8). Version
    /// numbers (0.107.0, Ubuntu 24.04), examples of a file format in code spans (`17850.0`) and the confidence level
    /// of an interval (95% intervals) are not figures.
    /// </summary>
    public static IReadOnlyList<string> TypedInFigures(JsonElement notebook)
    {
        var cells = notebook.GetProperty("cells").EnumerateArray().ToArray();
        var literals = cells.Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => CodeNumber().Matches(Source(c)).Select(m => double.Parse(m.Value.Replace("_", ""), System.Globalization.CultureInfo.InvariantCulture)))
            .ToHashSet();
        var found = new List<string>();
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i].GetProperty("cell_type").GetString() != "markdown") continue;
            var prose = CodeSpan().Replace(Source(cells[i]), "`code`");
            foreach (Match m in ProseFigure().Matches(prose))
            {
                if (Release().IsMatch(prose[..m.Index]) || ConfidenceLevel().IsMatch(prose[(m.Index + m.Length)..])) continue;
                double value = double.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
                bool percent = m.Value.EndsWith('%');
                if (percent ? literals.Any(l => Math.Abs(l - value / 100) < 1e-12) : literals.Contains(value)) continue;
                found.Add($"cell {i + 1}: {m.Value}");
            }
        }
        return found;
    }

    [GeneratedRegex(@"(?<![\w.])\d[\d_]*(?:\.\d+)?(?![\w.]*\.\d)")]
    private static partial Regex CodeNumber();

    // Inline code in markdown: a format example or an identifier, not a result.
    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();

    // A percentage that names an interval's confidence level ("95% intervals", "its 95% (Wilson) interval").
    [GeneratedRegex(@"^ (?:\([^)]*\) )?(?:intervals?|confidence)\b")]
    private static partial Regex ConfidenceLevel();

    // An operating system's release number written after its name.
    [GeneratedRegex(@"(?:Ubuntu|Debian) $")]
    private static partial Regex Release();

    // A decimal (not part of a version such as 0.107.0 or a word) or a percentage.
    [GeneratedRegex(@"(?<![\w.])(?<number>\d+\.\d+)(?![\w]|\.\d)|(?<![\w.])(?<number>\d+(?:\.\d+)?)\s?%")]
    private static partial Regex ProseFigure();

    // A solution follows its exercise cell, a check its exercise or solution; the collapsed key-numbers cell is for the
    // runner and has no prose on purpose.
    private static bool IsInjectedOrExercise(JsonElement cell) =>
        Tags(cell).Any(t => t is "solution" or "check" or "injected-parameters" or CellTags.Runner); // a check follows its exercise (or its solution)

    private static string[] Tags(JsonElement cell) =>
        cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().Select(t => t.GetString() ?? "").ToArray()
            : [];

    private static bool Hidden(JsonElement cell, string what) =>
        cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("jupyter", out var j) &&
        j.TryGetProperty(what, out var hidden) && hidden.ValueKind == JsonValueKind.True;

    /// <summary>
    /// The key numbers the runner, its report index and the app-twin tests read are out of the attendee's way: one
    /// code cell, the notebook's last, collapsed (source and output hidden), tagged <see cref="CellTags.Runner"/>, with a
    /// comment saying whom it is for; no markdown cell introduces it.
    /// </summary>
    [Theory, MemberData(nameof(NotebookNames))]
    public void KeyNumbersAreOneCollapsedRunnerCellAtTheEnd(string name)
    {
        var cells = Load(name).GetProperty("cells").EnumerateArray().ToArray();
        var at = Assert.Single(Enumerable.Range(0, cells.Length), i => Source(cells[i]).Contains("workshop.KeyNumbers(", StringComparison.Ordinal));
        Assert.True(at == cells.Length - 1, $"{name}: the key-numbers cell is cell {at + 1} of {cells.Length}; make it the last.");
        var cell = cells[at];
        Assert.Equal("code", cell.GetProperty("cell_type").GetString());
        Assert.Contains(CellTags.Runner, Tags(cell));
        Assert.True(Hidden(cell, "source_hidden") && Hidden(cell, "outputs_hidden"), $"{name}: the key-numbers cell must be collapsed (jupyter.source_hidden and outputs_hidden).");
        Assert.Matches(@"^// For the headless runner", Source(cell));
        Assert.Single(cells, c => Tags(c).Contains(CellTags.Runner));
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void NoMarkdownIsWrittenForTheRunner(string name)
    {
        var forRunner = Cells(Load(name), "markdown").Select(Source)
            .Where(s => ForTheRunner().IsMatch(s)).ToArray();
        Assert.True(forRunner.Length == 0, $"{name}: markdown written for the runner, not the attendee (fold it into the collapsed key-numbers cell):\n" + string.Join("\n", forRunner));
    }

    [Theory]
    [InlineData("## For the runner: key numbers\n\nThe headless runner reads these.", true)]
    [InlineData("## Key numbers\n\nnothing to learn here", true)]
    [InlineData("The runner injects the parameters cell below this one.", false)]
    public void The_runner_prose_check_sees_a_runner_heading(string markdown, bool found) => Assert.Equal(found, ForTheRunner().IsMatch(markdown));

    [GeneratedRegex(@"(?im)^#+\s*(for the runner|key numbers)|nothing to learn here")]
    private static partial Regex ForTheRunner();

    [GeneratedRegex(@"#r\s+""nuget:\s*(?<id>[^,""\s]+)\s*,\s*(?<version>[^""\s]+)\s*""")]
    private static partial Regex NuGetReference();
}

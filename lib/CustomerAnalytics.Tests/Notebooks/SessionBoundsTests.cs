using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Runner;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Each workshop is one session: a timing table at the top whose rows are the main path's numbered sections, a total
/// of 60-90 minutes (00, the set-up check, at most 20), and a main path (everything before "## Going further") of at
/// most 45 code cells an attendee runs and about 2,200 words of prose.
/// </summary>
public partial class SessionBoundsTests
{
    private const int MaxCodeCells = 45;
    private const int MaxWords = 2_200;

    public static TheoryData<string> NotebookNames() => NotebookConventionTests.NotebookNames();

    [Theory, MemberData(nameof(NotebookNames))]
    public void The_main_path_has_at_most_45_code_cells_and_2200_words(string name)
    {
        var (mainPath, _) = Split(name);
        // Hidden solutions, checks of the instructor copy and the collapsed runner cell are not cells an attendee runs.
        var code = mainPath.Count(c => c.Type == "code" && !c.Tags.Any(t => t is "solution" or CellTags.Runner));
        var words = mainPath.Where(c => c.Type == "markdown").Sum(c => Words().Count(c.Source));
        Assert.True(code <= MaxCodeCells, $"{name}: {code} code cells on the main path, at most {MaxCodeCells} fit a session; move the rest under '## Going further'.");
        Assert.True(words <= MaxWords, $"{name}: {words} words of prose on the main path, about {MaxWords} fit a session.");
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void The_timing_table_lists_every_main_section_and_adds_up_to_one_session(string name)
    {
        var (mainPath, _) = Split(name);
        var table = mainPath.Where(c => c.Type == "markdown").Select(c => TimingRow().Matches(c.Source)).FirstOrDefault(m => m.Count > 0);
        Assert.True(table is not null, $"{name}: no timing table ('| Section | Minutes | You do |') in the main path.");
        var rows = table.Select(m => (Section: m.Groups["section"].Value.Trim(), Minutes: int.Parse(m.Groups["minutes"].Value), Does: m.Groups["does"].Value.Trim())).ToArray();
        var total = Assert.Single(rows, r => r.Section.Trim('*') == "Total");
        var sections = rows.Where(r => r != total).ToArray();

        var headings = mainPath.Where(c => c.Type == "markdown")
            .SelectMany(c => NumberedHeading().Matches(c.Source)).Select(m => m.Groups["number"].Value).ToArray();
        Assert.Equal(headings, sections.Select(s => NumberOf(name, s.Section)).ToArray());
        Assert.All(sections, s => Assert.True(s.Minutes > 0 && s.Does.Length > 0, $"{name}: section '{s.Section}' needs its minutes and what the attendee does."));
        Assert.Equal(sections.Sum(s => s.Minutes), total.Minutes);
        var (least, most) = name.StartsWith("00-", StringComparison.Ordinal) ? (1, 20) : (60, 90);
        Assert.True(total.Minutes >= least && total.Minutes <= most, $"{name}: {total.Minutes} minutes in total; a session is {least}-{most}.");
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void A_late_attendee_catches_up_with_run_all_above_in_under_two_minutes(string name)
    {
        var (mainPath, _) = Split(name);
        var line = mainPath.Where(c => c.Type == "markdown").SelectMany(c => c.Source.Split('\n'))
            .FirstOrDefault(l => l.StartsWith(CatchUpLine.Prefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"{name}: no '{CatchUpLine.Prefix}' line under the timing table; `--update-images` measures and writes it.");
        var seconds = int.Parse(CatchUpSeconds().Match(line).Groups["seconds"].Value);
        Assert.True(seconds < 120, $"{name}: Run All Above takes {seconds} s to reach the furthest section on the sample; a late attendee needs under two minutes.");
    }

    [Theory, MemberData(nameof(NotebookNames))]
    public void Going_further_comes_last_and_holds_no_numbered_section(string name)
    {
        var (_, further) = Split(name);
        var numbered = further.Where(c => c.Type == "markdown").SelectMany(c => NumberedHeading().Matches(c.Source)).Select(m => m.Value.Trim()).ToArray();
        Assert.True(numbered.Length == 0, $"{name}: numbered sections after '## Going further': {string.Join("; ", numbered)}");
    }

    private static string NumberOf(string name, string section)
    {
        var match = Regex.Match(section, @"^(?<number>\d+)\.\s");
        Assert.True(match.Success, $"{name}: timing-table row '{section}' does not start with its section's number ('3. ...').");
        return match.Groups["number"].Value;
    }

    /// <summary>The notebook's cells before the "## Going further" heading, and that heading with what follows it.</summary>
    internal static (IReadOnlyList<Cell> MainPath, IReadOnlyList<Cell> GoingFurther) Split(string name)
    {
        var cells = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name))).RootElement
            .GetProperty("cells").EnumerateArray().Select(Cell.Of).ToArray();
        var start = Array.FindIndex(cells, c => c.Type == "markdown" && GoingFurtherHeading().IsMatch(c.Source));
        return start < 0 ? (cells, []) : (cells[..start], cells[start..]);
    }

    internal sealed record Cell(string Type, string Source, IReadOnlyList<string> Tags)
    {
        public static Cell Of(JsonElement cell) => new(
            cell.GetProperty("cell_type").GetString()!,
            string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString())),
            cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("tags", out var tags)
                ? tags.EnumerateArray().Select(t => t.GetString()!).ToArray() : []);
    }

    [GeneratedRegex(@"at most \*\*(?<seconds>\d+) s\*\*")]
    private static partial Regex CatchUpSeconds();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^## Going further\b", RegexOptions.Multiline)]
    private static partial Regex GoingFurtherHeading();

    [GeneratedRegex(@"^## (?<number>\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex NumberedHeading();

    // A row of the timing table: | 3. The SQL | 20 | write the M score |  (the header and the |---| line do not match).
    [GeneratedRegex(@"^\|(?<section>[^|\n]+)\|\s*(?<minutes>\d+)\s*\|(?<does>[^|\n]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TimingRow();
}

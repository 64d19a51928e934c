using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// Every workshop has an attendee copy (notebooks/attendee/&lt;notebook&gt;.ipynb) generated from the instructor
/// notebook: the committed copy is exactly what the generator makes of it today, it has no solution and no output,
/// and its relative paths reach the same files from one folder deeper.
/// </summary>
public sealed partial class AttendeeNotebookTests
{
    private static string NotebookPath(string name) => Path.Combine(RepositoryPaths.Notebooks, name);

    private static List<JsonElement> Cells(string path) => ReadJson(path).GetProperty("cells").EnumerateArray().ToList();

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void Committed_attendee_copy_is_generated_from_its_notebook(string name)
    {
        var copy = AttendeeGenerator.AttendeePath(NotebookPath(name));
        Assert.True(File.Exists(copy), $"{name} has no attendee copy at {copy}. Run: {AppGenerator.Command}");

        var expected = AttendeeGenerator.Generate(LoadedNotebook.Load(NotebookPath(name)));

        Assert.True(expected == File.ReadAllText(copy).Replace("\r\n", "\n"),
            $"attendee/{name} is not what its notebook generates (edited by hand, or the notebook changed). Run: {AppGenerator.Command}");
    }

    [Fact]
    public void Every_attendee_copy_has_a_notebook()
    {
        var copies = Directory.GetFiles(Path.Combine(RepositoryPaths.Notebooks, AttendeeGenerator.AttendeeFolder), "*.ipynb").Select(Path.GetFileName);
        var notebooks = Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName);
        Assert.Equal(notebooks.Order(StringComparer.Ordinal), copies.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void The_copy_has_no_solution_no_output_and_each_check_right_after_its_exercise(string name)
    {
        var cells = Cells(AttendeeGenerator.AttendeePath(NotebookPath(name)));
        Assert.DoesNotContain(cells, c => Tags(c).Contains("solution"));
        Assert.All(cells.Where(c => c.GetProperty("cell_type").GetString() == "code"), c => Assert.Equal(0, c.GetProperty("outputs").GetArrayLength()));
        for (var i = 0; i < cells.Count; i++)
            if (Tags(cells[i]).Contains("check"))
                Assert.True(i > 0 && Tags(cells[i - 1]).Contains("exercise"), $"attendee/{name}: check cell {i + 1} does not follow its exercise.");
    }

    [Theory, MemberData(nameof(NotebookConventionTests.NotebookNames), MemberType = typeof(NotebookConventionTests))]
    public void Every_relative_path_reaches_from_the_copy_what_it_reaches_from_the_notebook(string name)
    {
        var (instructor, attendee) = (Paths(NotebookPath(name)), Paths(AttendeeGenerator.AttendeePath(NotebookPath(name))));
        Assert.Equal(instructor.Count, attendee.Count);
        Assert.All(instructor.Zip(attendee), pair =>
        {
            var from = Path.GetFullPath(Path.Combine(RepositoryPaths.Notebooks, pair.First));
            var to = Path.GetFullPath(Path.Combine(RepositoryPaths.Notebooks, AttendeeGenerator.AttendeeFolder, pair.Second));
            Assert.True(from == to, $"attendee/{name}: '{pair.Second}' reaches {to}, the notebook's '{pair.First}' reaches {from}.");
        });
        // The library lines every notebook loads exist once the projects are built (the tests run after the build).
        foreach (var reference in attendee.Where(p => p.EndsWith(".dll", StringComparison.Ordinal)))
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Notebooks, AttendeeGenerator.AttendeeFolder, reference)), $"attendee/{name}: #r \"{reference}\" does not exist.");
    }

    // Every string literal, code span or link starting with ../ (relative to the notebook's folder), in cell order.
    private static List<string> Paths(string path) => Cells(path)
        .SelectMany(c => RelativePath().Matches(Text(c.GetProperty("source"))).Select(m => m.Groups["path"].Value)).ToList();

    private static string[] Tags(JsonElement cell) =>
        cell.GetProperty("metadata").TryGetProperty("tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString() ?? "").ToArray() : [];

    [GeneratedRegex("""["(`](?<path>(?:\.\./)+[^"`)\s]*)""")]
    private static partial Regex RelativePath();
}

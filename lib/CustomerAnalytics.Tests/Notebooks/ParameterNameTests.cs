using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Notebooks;

/// <summary>
/// One name for one idea across the notebooks' parameters cells (DESIGN.md): a data location is <c>&lt;dataset&gt;Source</c>,
/// the seed is <c>seed</c>, a cap on how much data is used is <c>max&lt;Things&gt;</c> with 0 for all, the S3 upload
/// location is <c>s3ResultsUri</c>, and a name shared by notebooks has the same default in each.
/// </summary>
public sealed partial class ParameterNameTests
{
    private sealed record Parameter(string Notebook, string Name, string Default, string Comment);

    private static readonly string[] Names = Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string[] Sources(string notebook) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook))).RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())))
            .ToArray();

    private static bool IsParameters(string notebook, string source) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook))).RootElement.GetProperty("cells").EnumerateArray()
            .Any(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())) == source &&
                      c.GetProperty("metadata").TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == "parameters"));

    private static IEnumerable<Parameter> Parameters(string notebook) =>
        Sources(notebook).Where(s => IsParameters(notebook, s))
            .SelectMany(s => Declaration().Matches(s))
            .Select(m => new Parameter(notebook, m.Groups["name"].Value, m.Groups["value"].Value.Trim(), m.Groups["comment"].Value.Trim()));

    private static readonly Parameter[] All = Names.SelectMany(Parameters).ToArray();

    // The names a notebook's parameter check passes to .File(...), .Folder(...) or .S3Location(...).
    private static string[] Checked(string notebook, string check) =>
        Sources(notebook).SelectMany(s => Regex.Matches(s, $@"\.{check}\(nameof\((?<name>\w+)\)")).Select(m => m.Groups["name"].Value).Distinct().ToArray();

    [Fact]
    public void The_parameters_cells_are_found() =>
        Assert.Equal(["01-rfm-sql-prep.ipynb", "02-kmeans-segmentation.ipynb", "03-propensity-modelling.ipynb", "04-lstm-touchpoint-prediction.ipynb", "05-churn-attention.ipynb", "06-deploy-and-monitor.ipynb"],
            All.Select(p => p.Notebook).Distinct());

    [Fact]
    public void Every_data_location_is_named_dataset_Source_and_nothing_else_is()
    {
        foreach (var notebook in Names)
        {
            var locations = Checked(notebook, "File").Concat(Checked(notebook, "Folder")).Order(StringComparer.Ordinal).ToArray();
            var sources = Parameters(notebook).Select(p => p.Name).Where(n => n.EndsWith("Source", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            Assert.True(locations.SequenceEqual(sources), $"{notebook}: data locations checked as files or folders [{string.Join(", ", locations)}] must be exactly the parameters named <dataset>Source [{string.Join(", ", sources)}]");
        }
        var others = All.Where(p => OldLocationName().IsMatch(p.Name)).Select(p => $"{p.Notebook}: {p.Name}").ToArray();
        Assert.True(others.Length == 0, "data locations are named <dataset>Source, not ...Path/File/Folder: " + string.Join(", ", others));
    }

    [Fact]
    public void The_seed_is_seed_with_one_default_wherever_a_notebook_has_one()
    {
        var seeds = All.Where(p => p.Name.Contains("seed", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.All(seeds, s => Assert.Equal("seed", s.Name));
        Assert.Equal(["02-kmeans-segmentation.ipynb", "03-propensity-modelling.ipynb", "04-lstm-touchpoint-prediction.ipynb", "05-churn-attention.ipynb", "06-deploy-and-monitor.ipynb"], seeds.Select(s => s.Notebook));
    }

    [Fact]
    public void A_name_shared_by_notebooks_has_one_default()
    {
        foreach (var shared in All.GroupBy(p => p.Name).Where(g => g.Count() > 1))
            Assert.True(shared.Select(p => p.Default).Distinct().Count() == 1,
                $"{shared.Key} has different defaults: " + string.Join(", ", shared.Select(p => $"{p.Notebook} {p.Default}")));
    }

    [Fact]
    public void A_cap_on_the_data_used_is_max_Things_with_0_for_all()
    {
        var caps = All.Where(p => p.Comment.StartsWith("// 0 = all", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(caps);
        Assert.All(caps, c => Assert.Matches("^max[A-Z][A-Za-z]*s$", c.Name));
        var others = All.Where(p => p.Name.StartsWith("max", StringComparison.Ordinal) && !caps.Contains(p) && p.Name is not ("maxK" or "maxGradientNorm")).ToArray();
        Assert.True(others.Length == 0, "a max... parameter that is not a cap with '// 0 = all': " + string.Join(", ", others.Select(o => $"{o.Notebook}: {o.Name}")));
    }

    [Fact]
    public void The_S3_upload_location_is_s3ResultsUri()
    {
        foreach (var notebook in Names)
            Assert.All(Checked(notebook, "S3Location"), name => Assert.Equal("s3ResultsUri", name));
        Assert.Equal(["01-rfm-sql-prep.ipynb", "02-kmeans-segmentation.ipynb"], All.Where(p => p.Name == "s3ResultsUri").Select(p => p.Notebook));
    }

    [GeneratedRegex(@"^var\s+(?<name>\w+)\s*=\s*(?<value>[^;]+);(?<comment>.*)$", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex("(Path|File|Folder|Dir|Directory)$")]
    private static partial Regex OldLocationName();
}

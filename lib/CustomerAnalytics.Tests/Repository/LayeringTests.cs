using System.Reflection;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// The library's parts follow the data flow (README, "Layout"): each namespace uses only itself and the namespaces of
/// lower ranks. Namespaces of equal rank are siblings (two workshops' models) and do not use each other.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>Rank of each namespace of the runtime library, lowest first; every namespace must be listed.</summary>
    internal static readonly IReadOnlyDictionary<string, int> Ranks = new Dictionary<string, int>
    {
        // Cross-cutting, below every stage: notebook display, settings and errors, progress, exercises, the chart toolkit.
        ["CustomerAnalytics.Display"] = 0,
        ["CustomerAnalytics"] = 1,
        ["CustomerAnalytics.Training"] = 2,
        ["CustomerAnalytics.Exercises"] = 2,
        ["CustomerAnalytics.Charts"] = 3,
        // The stages, in the order the data flows: files and S3, loading, SQL, evaluation, models.
        ["CustomerAnalytics.Cloud"] = 4,
        ["CustomerAnalytics.Data"] = 5,
        ["CustomerAnalytics.Sql"] = 6,
        ["CustomerAnalytics.Evaluation"] = 7,
        ["CustomerAnalytics.Segmentation"] = 8,
        ["CustomerAnalytics.Propensity"] = 8,
        ["CustomerAnalytics.Lifetime"] = 8,
        ["CustomerAnalytics.Torch"] = 9,
        ["CustomerAnalytics.Sequences"] = 10,
        ["CustomerAnalytics.Churn"] = 10,
        // Hosts over everything: the setup check and the file-based apps' entry point.
        ["CustomerAnalytics.Setup"] = 11,
        ["CustomerAnalytics.Apps"] = 11,
    };

    /// <summary>The assemblies the notebooks load (the sample-data generators are a tool, not part of it).</summary>
    internal static readonly Assembly[] Runtime =
        [typeof(Workshop).Assembly, typeof(CustomerAnalytics.Torch.TorchDevice).Assembly, typeof(CustomerAnalytics.Cloud.S3Transfer).Assembly];

    private static IEnumerable<Type> RuntimeTypes() => Runtime.SelectMany(a => a.GetTypes());

    [Fact]
    public void Every_namespace_of_the_library_has_a_place_in_the_flow()
    {
        var unplaced = RuntimeTypes().Select(t => t.Namespace ?? "").Where(n => n != "" && !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft", StringComparison.Ordinal))
            .Distinct().Where(n => !Ranks.ContainsKey(n)).Order().ToArray();
        Assert.True(unplaced.Length == 0, "Give these namespaces a rank in LayeringTests.Ranks and the README's layout: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Each_namespace_uses_only_namespaces_before_it_in_the_flow()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in RuntimeTypes())
        {
            if (type.Namespace is not { } from || !Ranks.TryGetValue(from, out var fromRank)) continue;
            foreach (var (used, where) in AssemblyReferences.Of(type))
            {
                if (used.Namespace is not { } to || to == from || !Ranks.TryGetValue(to, out var toRank)) continue;
                if (toRank >= fromRank) violations.Add($"{from} -> {to}: {where} uses {used.Name}");
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} references against the flow:\n" + string.Join("\n", violations.Take(60)));
    }

    [Fact]
    public void The_rule_sees_references_made_only_inside_method_bodies()
    {
        // SetupCheck reaches DuckDB and TorchDevice only inside its private methods' bodies.
        var used = AssemblyReferences.Of(typeof(CustomerAnalytics.Setup.SetupCheck)).Select(u => u.Used).ToHashSet();
        Assert.Contains(typeof(CustomerAnalytics.Torch.TorchDevice), used);
        Assert.Contains(typeof(DuckDB.NET.Data.DuckDBConnection), used);
    }

    [Fact]
    public void No_runtime_assembly_references_the_sample_data_generators()
    {
        foreach (var assembly in Runtime)
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name == "CustomerAnalytics.SampleData");
    }

    [Fact]
    public void Each_notebook_loads_only_the_library_projects_it_uses()
    {
        var namespaces = Runtime.ToDictionary(a => a.GetName().Name!, a => a.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n != "CustomerAnalytics").Distinct().ToArray());
        foreach (var path in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb"))
        {
            var code = string.Join("\n", System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cells").EnumerateArray()
                .Where(c => c.GetProperty("cell_type").GetString() == "code")
                .SelectMany(c => c.GetProperty("source").EnumerateArray().Select(l => l.GetString())));
            var loaded = LibraryReference().Matches(code).Select(m => m.Groups[1].Value).ToArray();
            var name = Path.GetFileName(path);
            Assert.DoesNotContain("CustomerAnalytics.SampleData", loaded);
            Assert.Contains("CustomerAnalytics", loaded);
            foreach (var project in loaded.Where(p => p != "CustomerAnalytics"))
                Assert.True(namespaces[project].Any(n => code.Contains(n + ";", StringComparison.Ordinal) || code.Contains(n + ".", StringComparison.Ordinal)),
                    $"{name} loads {project} but uses none of its namespaces ({string.Join(", ", namespaces[project])}): drop the #r line.");
            foreach (var (project, spaces) in namespaces.Where(p => p.Key != "CustomerAnalytics" && !loaded.Contains(p.Key)))
                Assert.False(spaces.Any(n => code.Contains("using " + n + ";", StringComparison.Ordinal)), $"{name} uses {project} without loading it.");
        }
    }

    [GeneratedRegex(@"#r ""\.\./artifacts/bin/([\w.]+)/debug/\1\.dll""")]
    private static partial Regex LibraryReference();
}

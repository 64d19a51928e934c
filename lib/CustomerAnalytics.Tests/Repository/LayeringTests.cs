using System.Reflection;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// The library's parts follow the data flow (README, "Repository layout"): each namespace uses only namespaces of lower
/// ranks. Namespaces of equal rank are siblings and do not use each other, and no workshop uses another workshop.
/// The ranks are the README's picture: <see cref="Picture"/> draws them and a test keeps the README's copy equal.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>One rank of the flow: the stage it is, what sits there, and its namespaces (without the common prefix).</summary>
    internal sealed record Layer(string Stage, string Holds, params string[] Namespaces);

    /// <summary>The shared layers, lowest first: cross-cutting helpers, then the stages in the order the data flows.</summary>
    internal static readonly Layer[] Shared =
    [
        new("cross-cutting", "notebook display", "Display"),
        new("cross-cutting", "Workshop (settings read once), errors, atomic files", ""),
        new("cross-cutting", "training progress, exercise checks", "Training", "Exercises"),
        new("files / S3", "S3 transfer", "Cloud"),
        new("loading", "validate, report rejects; DuckDB WorkshopDatabase", "Data"),
        new("SQL", "PostgreSQL engine, RFM", "Sql"),
        new("models", "devices, shared TorchSharp pieces", "Torch"),
        new("evaluation", "metrics the frameworks lack, intervals, verdicts, truth", "Evaluation"),
        new("charts and reports", "the chart toolkit, workshop 01's RFM charts", "Charts"),
    ];

    /// <summary>The parts of a workshop, in the same order: each is a sub-namespace (Churn.Data, Churn.Models, ...).</summary>
    internal static readonly Layer[] WorkshopParts =
    [
        new("feature tables", "its data: inputs, features, labels, sequences, batches", "Data"),
        new("models", "its models (nn.Modules, ML.NET wrappers, BG/NBD), predicting with them", "Models"),
        new("training", "its training, configuration, run tracking", "Training"),
        new("evaluation", "its metrics, choices made by them, truth comparison, read-outs", "Evaluation"),
        new("charts and reports", "its charts", "Charts"),
    ];

    /// <summary>A workshop's namespace and the <see cref="WorkshopParts"/> it has, in their order: a part it has nothing for is left out.</summary>
    internal sealed record SplitWorkshop(string Name, params string[] Parts);

    /// <summary>The workshops, in the order of their notebooks (02, 03, 04, 05, 06, 07), each made of its parts.</summary>
    internal static readonly SplitWorkshop[] SplitWorkshops =
    [
        new("Segmentation", "Data", "Models", "Evaluation", "Charts"),
        new("Propensity", "Data", "Models", "Evaluation", "Charts"),
        new("Sequences", "Data", "Models", "Evaluation", "Charts"),
        new("Churn", "Data", "Models", "Training", "Evaluation", "Charts"),
        new("Monitoring", "Data", "Evaluation"),
        new("Lifetime", "Data", "Models"),
    ];

    /// <summary>The hosts in the runtime library, over everything: the setup check (the runner and the apps are in CustomerAnalytics.Hosting, which no notebook loads).</summary>
    internal static readonly Layer Hosts = new("hosts", "the setup check", "Setup");

    private static string Full(string name) => name == "" ? "CustomerAnalytics" : "CustomerAnalytics." + name;

    /// <summary>Rank of each namespace of the runtime library, lowest first, from the lists above; every namespace must have one.</summary>
    internal static readonly IReadOnlyDictionary<string, int> Ranks = BuildRanks();

    private static Dictionary<string, int> BuildRanks()
    {
        var ranks = new Dictionary<string, int>();
        for (var i = 0; i < Shared.Length; i++)
            foreach (var n in Shared[i].Namespaces) ranks.Add(Full(n), i);
        var partRank = Enumerable.Range(0, WorkshopParts.Length).ToDictionary(k => WorkshopParts[k].Namespaces[0], k => Shared.Length + k);
        foreach (var w in SplitWorkshops)
            foreach (var part in w.Parts) ranks.Add(Full(w.Name + "." + part), partRank[part]);
        foreach (var n in Hosts.Namespaces) ranks.Add(Full(n), Shared.Length + WorkshopParts.Length);
        return ranks;
    }

    /// <summary>The workshop a namespace belongs to, or null for a shared one.</summary>
    private static string? WorkshopOf(string name) =>
        SplitWorkshops.Select(w => w.Name).FirstOrDefault(w => name == Full(w) || name.StartsWith(Full(w) + ".", StringComparison.Ordinal));

    /// <summary>The ranks as the README draws them (its "Repository layout" section holds this text verbatim).</summary>
    internal static string Picture()
    {
        var lines = new List<string> { $"{"rank",4}  {"stage",-20} {"namespace",-20} holds" };
        void Line(int rank, Layer layer, string names) => lines.Add($"{rank,4}  {layer.Stage,-20} {names,-20} {layer.Holds}".TrimEnd());
        for (var i = 0; i < Shared.Length; i++)
            Line(i, Shared[i], string.Join(", ", Shared[i].Namespaces.Select(n => n == "" ? "CustomerAnalytics" : n)));
        lines.Add("      a workshop W, its parts in the same order (a part it has nothing for is left out):");
        for (var k = 0; k < WorkshopParts.Length; k++)
            Line(Shared.Length + k, WorkshopParts[k], "W." + WorkshopParts[k].Namespaces[0]);
        foreach (var w in SplitWorkshops)
            lines.Add($"      {"W = " + w.Name,-41} {string.Join(", ", w.Parts)}");
        Line(Shared.Length + WorkshopParts.Length, Hosts, string.Join(", ", Hosts.Namespaces));
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The assemblies the notebooks load (the sample-data generators are a tool, not part of it).</summary>
    internal static readonly Assembly[] Runtime =
        [typeof(Workshop).Assembly, typeof(CustomerAnalytics.Torch.TorchDevice).Assembly, typeof(CustomerAnalytics.Cloud.S3Transfer).Assembly];

    private static IEnumerable<Type> RuntimeTypes() => Runtime.SelectMany(a => a.GetTypes());

    [Fact]
    public void Every_namespace_of_the_library_has_a_place_in_the_flow()
    {
        var unplaced = RuntimeTypes().Select(t => t.Namespace ?? "").Where(n => n != "" && !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft", StringComparison.Ordinal))
            .Distinct().Where(n => !Ranks.ContainsKey(n)).Order().ToArray();
        Assert.True(unplaced.Length == 0, "Give these namespaces a place in LayeringTests (Shared, WorkshopParts, SplitWorkshops or Hosts) and copy its Picture() into the README: " + string.Join(", ", unplaced));
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
                else if (WorkshopOf(to) is { } other && other != WorkshopOf(from)) violations.Add($"{from} -> {to}: {where} uses {used.Name} (another workshop)");
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} references against the flow:\n" + string.Join("\n", violations.Take(60)));
    }

    [Fact]
    public void The_readme_draws_these_ranks()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var picture = Picture();
        Assert.True(readme.Contains("```text\n" + picture + "```\n", StringComparison.Ordinal),
            "The README's layout picture differs from LayeringTests' ranks. Put this in README.md, section \"Repository layout\", in a ```text block:\n" + picture);
    }

    [Fact]
    public void Every_rank_names_namespaces_that_exist()
    {
        var existing = RuntimeTypes().Select(t => t.Namespace).OfType<string>().ToHashSet();
        Assert.Empty(Ranks.Keys.Where(n => !existing.Contains(n)));
    }

    [Fact]
    public void Each_workshop_names_its_parts_in_the_order_of_the_flow()
    {
        var order = WorkshopParts.Select(p => p.Namespaces[0]).ToList();
        foreach (var w in SplitWorkshops)
        {
            Assert.All(w.Parts, p => Assert.Contains(p, order));
            Assert.True(w.Parts.Select(p => order.IndexOf(p)).Zip(w.Parts.Skip(1).Select(p => order.IndexOf(p))).All(p => p.First < p.Second),
                $"{w.Name}'s parts ({string.Join(", ", w.Parts)}) are not in the order of WorkshopParts ({string.Join(", ", order)}), each once.");
        }
        Assert.Equal(SplitWorkshops.Length, SplitWorkshops.Select(w => w.Name).Distinct().Count());
    }

    [Fact]
    public void A_split_workshops_modules_are_in_its_models_part_and_nothing_trains_there()
    {
        foreach (var w in SplitWorkshops.Select(w => w.Name))
        {
            var models = Full(w + ".Models");
            var types = RuntimeTypes().Where(t => t.Namespace is { } n && (n == Full(w) || n.StartsWith(Full(w) + ".", StringComparison.Ordinal))).ToArray();
            Assert.All(types.Where(t => t.IsSubclassOf(typeof(TorchSharp.torch.nn.Module))), t => Assert.Equal(models, t.Namespace));
            // The trainers are elsewhere: nothing in Models steps an optimizer.
            Assert.All(types.Where(t => t.Namespace == models), t => Assert.DoesNotContain(AssemblyReferences.Of(t), u => u.Used.Namespace == "TorchSharp.Modules" && u.Used.Name.Contains("Optimizer", StringComparison.Ordinal)));
        }
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

using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CustomerAnalytics.Setup;

namespace CustomerAnalytics.Tests.Setup;

/// <summary>
/// The rule "a library DLL needs a build when it is missing or older than one of its project's sources", on folders
/// whose file times are set explicitly, and the lists of projects it is applied to, kept equal to the notebooks'
/// <c>#r</c> lines. (Step 1 of notebook 00 applies the same rule before any library is loaded:
/// <see cref="Notebooks.SetupNotebookFreshCloneTests"/> runs it on a copy of the repository.)
/// </summary>
public sealed partial class LibraryBuildTests : IDisposable
{
    private static readonly DateTime Built = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Directory.CreateTempSubdirectory("ca-library-build-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, DateTime time, string text = "x")
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, time);
        return path;
    }

    /// <summary>lib/P with a .cs, a .csproj and an embedded .sql file an hour older than P.dll.</summary>
    private void BuiltProject(string project)
    {
        Write($"lib/{project}/{project}.csproj", Built.AddHours(-1));
        Write($"lib/{project}/Workshop.cs", Built.AddHours(-1));
        Write($"lib/{project}/Sql/Rfm/01_orders.sql", Built.AddHours(-1));
        Write($"artifacts/bin/{project}/debug/{project}.dll", Built);
    }

    [Fact]
    public void A_dll_newer_than_every_source_of_its_project_needs_no_build()
    {
        BuiltProject("CustomerAnalytics");

        Assert.Null(LibraryBuild.WhyBuild(_root, "CustomerAnalytics"));
    }

    [Fact]
    public void A_missing_dll_is_not_built_yet()
    {
        Write("lib/CustomerAnalytics.Deep/Model.cs", Built);

        Assert.Equal("CustomerAnalytics.Deep.dll is not built yet", LibraryBuild.WhyBuild(_root, "CustomerAnalytics.Deep"));
    }

    [Theory]
    [InlineData("lib/CustomerAnalytics/Workshop.cs")]
    [InlineData("lib/CustomerAnalytics/CustomerAnalytics.csproj")]
    [InlineData("lib/CustomerAnalytics/Sql/Rfm/01_orders.sql")]
    public void A_dll_older_than_a_source_names_it(string source)
    {
        BuiltProject("CustomerAnalytics");
        File.SetLastWriteTimeUtc(Path.Combine(_root, source), Built.AddSeconds(1));

        Assert.Equal($"CustomerAnalytics.dll is older than {source}", LibraryBuild.WhyBuild(_root, "CustomerAnalytics"));
    }

    [Fact]
    public void Of_several_newer_sources_the_newest_is_named()
    {
        BuiltProject("CustomerAnalytics");
        Write("lib/CustomerAnalytics/Data/Loader.cs", Built.AddMinutes(5));
        Write("lib/CustomerAnalytics/Charts/Chart.cs", Built.AddMinutes(9));

        Assert.Equal("CustomerAnalytics.dll is older than lib/CustomerAnalytics/Charts/Chart.cs", LibraryBuild.WhyBuild(_root, "CustomerAnalytics"));
    }

    [Fact]
    public void Build_output_and_files_that_are_not_built_are_not_sources()
    {
        BuiltProject("CustomerAnalytics");
        Write("lib/CustomerAnalytics/obj/Debug/net10.0/CustomerAnalytics.AssemblyInfo.cs", Built.AddHours(1));
        Write("lib/CustomerAnalytics/bin/Debug/Generated.cs", Built.AddHours(1));
        Write("lib/CustomerAnalytics/Sql/README.md", Built.AddHours(1));

        Assert.Null(LibraryBuild.WhyBuild(_root, "CustomerAnalytics"));
    }

    [Fact]
    public void A_project_is_compared_with_its_own_sources_only()
    {
        // A build recompiles CustomerAnalytics.Deep only when CustomerAnalytics's public API changes, so Deep's DLL
        // may stay older than CustomerAnalytics's sources after a build that did everything it had to.
        BuiltProject("CustomerAnalytics");
        BuiltProject("CustomerAnalytics.Deep");
        File.SetLastWriteTimeUtc(Path.Combine(_root, "artifacts/bin/CustomerAnalytics/debug/CustomerAnalytics.dll"), Built.AddHours(2));
        File.SetLastWriteTimeUtc(Path.Combine(_root, "lib/CustomerAnalytics/Workshop.cs"), Built.AddHours(1));

        Assert.Null(LibraryBuild.WhyBuild(_root, "CustomerAnalytics"));
        Assert.Null(LibraryBuild.WhyBuild(_root, "CustomerAnalytics.Deep"));
    }

    [Fact]
    public void The_setup_report_names_each_dll_to_build_and_the_command()
    {
        foreach (var project in LibraryBuild.NotebookProjects) BuiltProject(project);
        File.Delete(Path.Combine(_root, "artifacts/bin/CustomerAnalytics.Deep/debug/CustomerAnalytics.Deep.dll"));
        File.SetLastWriteTimeUtc(Path.Combine(_root, "lib/CustomerAnalytics/Sql/Rfm/01_orders.sql"), Built.AddMinutes(1));

        var row = SetupCheck.Run(Workshop.Start(new WorkshopSettings { Root = _root })).Checks.Single(c => c.Name == "Workshop library");

        Assert.Equal(CheckStatus.Failed, row.Status);
        Assert.Equal("CustomerAnalytics.dll is older than lib/CustomerAnalytics/Sql/Rfm/01_orders.sql; CustomerAnalytics.Deep.dll is not built yet", row.Detail);
        Assert.Contains(LibraryBuild.BuildCommand, row.Fix);
        Assert.Contains("restart the kernel", row.Fix);
    }

    // The lists of projects: the notebooks' #r lines, notebook 00's step 1, notebooks/libraries.slnf and the library's.

    /// <summary>The library projects the notebooks load with <c>#r "../artifacts/bin/P/debug/P.dll"</c>.</summary>
    private static string[] ReferencedByNotebooks() => Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb")
        .SelectMany(path => LibraryReference().Matches(Code(path)).Select(m => m.Groups[1].Value))
        .Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string Code(string notebookPath) => string.Join("\n", JsonDocument.Parse(File.ReadAllText(notebookPath)).RootElement
        .GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code")
        .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString()))));

    [Fact]
    public void The_library_lists_the_projects_the_notebooks_load()
    {
        Assert.Equal(ReferencedByNotebooks(), LibraryBuild.NotebookProjects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Step_1_of_notebook_00_checks_and_builds_the_projects_the_notebooks_load()
    {
        var code = Code(Path.Combine(RepositoryPaths.Notebooks, "00-setup-check.ipynb"));
        var list = Assert.Single(CellProjectList().Matches(code)).Groups[1].Value;
        var projects = Regex.Matches(list, "\"([^\"]+)\"").Select(m => m.Groups[1].Value);

        Assert.Equal(ReferencedByNotebooks(), projects.Order(StringComparer.Ordinal));
        Assert.Contains($"\"{LibraryBuild.BuildCommand["dotnet ".Length..]} -nologo -v q\"", code); // the build it runs
        Assert.Contains($"in the repository folder: {LibraryBuild.BuildCommand}\"", code);           // the command it names
    }

    /// <summary>The project notebook 06 runs as a child process (its model-service.dll), built with the library.</summary>
    private const string StartedByNotebooks = "CustomerAnalytics.Serving";

    [Fact]
    public void The_solution_filter_the_build_command_names_lists_the_projects_the_notebooks_load()
    {
        var filter = Path.Combine(RepositoryPaths.Root, LibraryBuild.BuildCommand["dotnet build ".Length..]);
        using var json = JsonDocument.Parse(File.ReadAllText(filter));
        var solution = json.RootElement.GetProperty("solution");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(filter)!, solution.GetProperty("path").GetString()!)), "the filter's solution does not exist");
        var projects = solution.GetProperty("projects").EnumerateArray().Select(p => p.GetString()!).ToArray();

        // ... and the model service, which notebook 06 starts as a process rather than loads.
        Assert.Equal(ReferencedByNotebooks().Append(StartedByNotebooks).Select(p => $"lib/{p}/{p}.csproj").Order(StringComparer.Ordinal), projects.Order(StringComparer.Ordinal));
        Assert.Contains("ModelServiceProcess.BuiltService(workshop.Root)", Code(Path.Combine(RepositoryPaths.Notebooks, "06-deploy-and-monitor.ipynb")));
    }

    [Fact]
    public void Every_project_a_listed_project_references_is_listed_too()
    {
        // Each DLL is compared with its own project's sources, so a referenced project must have its own entry.
        foreach (var project in LibraryBuild.NotebookProjects)
        {
            var csproj = Path.Combine(RepositoryPaths.Root, "lib", project, project + ".csproj");
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!)))
                Assert.True(LibraryBuild.NotebookProjects.Contains(reference), $"{project} references {reference}, which is not in the list");
        }
    }

    [GeneratedRegex(@"#r ""\.\./artifacts/bin/([\w.]+)/debug/\1\.dll""")]
    private static partial Regex LibraryReference();

    [GeneratedRegex(@"string\[\] projects = \[([^\]]*)\];")]
    private static partial Regex CellProjectList();
}

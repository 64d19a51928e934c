using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

public class AppGeneratorTests
{
    private static string Generate(string fixture) => AppGenerator.Generate(LoadedNotebook.Load(Fixture(fixture)));

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void Package_and_library_references_become_directives_before_any_code()
    {
        var lines = Lines(Generate("app-twin.ipynb"));

        var firstCode = Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith("//") && !l.StartsWith("#:"));
        var directives = lines.Where(l => l.StartsWith("#:")).ToArray();
        Assert.Equal(["#:package Microsoft.Data.Analysis", "#:project ../../lib/CustomerAnalytics/CustomerAnalytics.csproj", AppGenerator.HostingProject, "#:property PublishAot=false"], directives);
        Assert.All(directives, d => Assert.True(Array.IndexOf(lines, d) < firstCode));
        Assert.DoesNotContain(lines, l => l.StartsWith("#r"));
    }

    [Fact]
    public void Using_directives_of_every_cell_move_to_the_top_once()
    {
        var lines = Lines(Generate("app-twin.ipynb"));

        Assert.Equal(["using CustomerAnalytics;", "using System.IO;", "using CustomerAnalytics.Hosting;"], lines.Where(l => l.StartsWith("using ")));
        Assert.True(Array.IndexOf(lines, "using CustomerAnalytics.Hosting;") < Array.FindIndex(lines, l => l.StartsWith("var app = WorkshopApp.Start(\"app-twin\", args);")));
    }

    [Fact]
    public void What_the_notebook_displays_is_shown_by_the_app()
    {
        var text = Generate("app-twin.ipynb");

        Assert.Contains("var workshop = app.Workshop;\napp.Show(workshop);", text); // the app's host builds the workshop
        Assert.Contains("app.Show(label);", text);              // display(label)
        Assert.Contains("Console.WriteLine(total);\napp.Show(total + 1);", text); // the trailing expression
        Assert.Contains("var done = true;", text);              // a cell ending in a statement shows nothing
        Assert.DoesNotContain("app.Show(done", text);
    }

    [Fact]
    public void A_type_a_cell_declares_moves_after_every_statement_and_the_cells_statements_stay_in_place()
    {
        var folder = NewTempDirectory();
        var path = Path.Combine(folder, "types.ipynb");
        File.WriteAllText(path, """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
               "source": ["public class Doubler\n", "{\n", "    public int Of(int x) => 2 * x;\n", "}\n", "var doubled = new Doubler().Of(21);"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["doubled"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);

        var text = AppGenerator.Generate(LoadedNotebook.Load(path));

        var statement = text.IndexOf("var doubled = new Doubler().Of(21);", StringComparison.Ordinal);
        var shown = text.IndexOf("app.Show(doubled);", StringComparison.Ordinal);
        var type = text.IndexOf("public class Doubler", StringComparison.Ordinal);
        Assert.True(statement > 0 && shown > statement && type > shown, text);
        Assert.Equal(1, text.Split("public class Doubler").Length - 1);
        Assert.EndsWith("    public int Of(int x) => 2 * x;\n}\n", text);
    }

    [Fact]
    public void The_parameters_cell_reads_param_values_and_checks_them()
    {
        var text = Generate("app-twin.ipynb");

        Assert.Contains("var sampleSize = app.Parameter(\"sampleSize\", 5000); // rows\nvar label = app.Parameter(\"label\", \"all\");\napp.CheckParameters();", text);
    }

    [Fact]
    public void Markdown_becomes_comments_and_headings_are_printed()
    {
        var text = Generate("app-twin.ipynb");

        Assert.StartsWith("// An app twin\n", text);
        Assert.Contains("// # An app twin\n// What the generator does with each kind of cell.\napp.Section(\"# An app twin\");", text);
        Assert.Contains("// Plain text, no heading.\n", text);
        Assert.DoesNotContain("app.Section(\"Plain text", text);
    }

    [Fact]
    public void The_generated_app_is_valid_csharp()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            string.Join('\n', Lines(Generate("app-twin.ipynb")).Where(l => !l.StartsWith("#:"))));

        Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_reference_an_app_cannot_have_is_refused_with_the_cell_number()
    {
        var repo = NewRepository(("app-twin.ipynb", "dll.ipynb"));
        try
        {
            var path = Path.Combine(repo, "notebooks", "dll.ipynb");
            File.WriteAllText(path, File.ReadAllText(path).Replace("#r \\\"nuget: Microsoft.Data.Analysis, 0.23.1\\\"", "#r \\\"/opt/other.dll\\\""));

            var e = Assert.Throws<NotebookFormatException>(() => AppGenerator.Generate(LoadedNotebook.Load(path)));

            Assert.Contains("cell 2", e.Message);
            Assert.Contains("/opt/other.dll", e.Message);
        }
        finally { DeleteQuietly(repo); }
    }

    [Fact]
    public void Write_apps_writes_one_app_per_notebook_into_the_apps_folder()
    {
        var repo = NewRepository(("app-twin.ipynb", "01-first.ipynb"), ("good.ipynb", "02-second.ipynb"));
        try
        {
            var run = RunExe(repo, "--write-apps");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.True(File.Exists(Path.Combine(repo, "notebooks", "apps", "01-first.cs")));
            Assert.Contains("WorkshopApp.Start(\"02-second\", args)", File.ReadAllText(Path.Combine(repo, "notebooks", "apps", "02-second.cs")));
            // the same command writes the attendee copies
            Assert.Equal(AttendeeGenerator.Generate(LoadedNotebook.Load(Path.Combine(repo, "notebooks", "02-second.ipynb"))),
                File.ReadAllText(Path.Combine(repo, "notebooks", "attendee", "02-second.ipynb")));
        }
        finally { DeleteQuietly(repo); }
    }

    [Fact]
    public void An_exercise_cell_is_left_out_and_its_solution_runs()
    {
        var text = Generate("exercise.ipynb");

        Assert.DoesNotContain("throw new InvalidOperationException(\"TODO", text);
        Assert.Contains("int Answer() => 42;", text);
        Assert.Contains("exercise cell, the attendee's TODO, is left out", text);
    }
}

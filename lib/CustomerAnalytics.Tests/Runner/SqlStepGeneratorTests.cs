using CustomerAnalytics.Data;
using CustomerAnalytics.Runner;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>
/// Workshop 01's cells are the one source of the Olist RFM SQL: the library's .sql files are generated from them by
/// <c>--write-apps</c>, so the library, workshop 02, the benchmarks and the cross-engine tests run the text the
/// notebook shows. These tests keep the committed files equal to what the cells generate, and the generator honest.
/// </summary>
public sealed class SqlStepGeneratorTests
{
    private const string Notebook = "01-rfm-sql-prep.ipynb";
    private static readonly string RfmFolder = Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics", "Sql", "Rfm");

    private static IReadOnlyList<SqlStepGenerator.SqlFile> Generated() =>
        SqlStepGenerator.Generate(LoadedNotebook.Load(Path.Combine(RepositoryPaths.Notebooks, Notebook)));

    [Fact]
    public void Committed_rfm_sql_is_what_the_notebook_cells_generate()
    {
        var generated = Generated();
        Assert.Equal(["01_transactions", "02_order_values", "03_rfm", "04_scores", "05_segments"],
            generated.Select(f => Path.GetFileNameWithoutExtension(f.RelativePath)));
        foreach (var file in generated)
        {
            var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file.RelativePath)).Replace("\r\n", "\n");
            Assert.True(file.Text == committed,
                $"{file.RelativePath} is not what notebooks/{Notebook} generates (edited by hand, or the notebook changed). Run: {AppGenerator.Command}");
        }
    }

    [Fact]
    public void Every_olist_rfm_step_comes_from_a_notebook_cell()
    {
        var generated = Generated().Select(f => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, f.RelativePath))).ToHashSet();
        foreach (var file in Directory.GetFiles(RfmFolder, "*.sql"))
        {
            Assert.Contains(Path.GetFullPath(file), generated);
            Assert.StartsWith($"-- generated from notebooks/{Notebook} cell", File.ReadAllText(file));
        }
    }

    [Fact]
    public void The_library_runs_the_cells_text_without_the_header()
    {
        var scripts = SqlScript.Load("Rfm");
        var cells = Generated();
        Assert.Equal(cells.Count, scripts.Count);
        foreach (var (script, cell) in scripts.Zip(cells))
        {
            Assert.Equal(cell.Text[(cell.Text.IndexOf('\n') + 1)..].Trim(), script.Sql);
            Assert.StartsWith("Step ", script.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cells_sharing_a_tag_are_joined_in_order_and_a_tagged_cell_needs_one_raw_string()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var path = Path.Combine(folder, "nb.ipynb");
            File.WriteAllText(path, Notebook_(
                Cell("a", "sql:Demo/01_first", "var a = \"\"\"\n    CREATE TABLE t AS\n    SELECT 1 AS x\n    \"\"\";"),
                Cell("b", null, "var ignored = \"\"\"\n    SELECT 2\n    \"\"\";"),
                Cell("c", "sql:Demo/01_first", "var c = \"\"\"\n    FROM u;\n    \"\"\";\nRun(string.Join(\"\\n\", a, c))")));
            var file = Assert.Single(SqlStepGenerator.Generate(LoadedNotebook.Load(path)));
            Assert.Equal("lib/CustomerAnalytics/Sql/Demo/01_first.sql", file.RelativePath);
            Assert.Equal("-- generated from notebooks/nb.ipynb cells a, c; edit the notebook\nCREATE TABLE t AS\nSELECT 1 AS x\nFROM u;\n", file.Text);

            File.WriteAllText(path, Notebook_(Cell("d", "sql:Demo/02_second", "var d = \"SELECT 1\";")));
            var error = Assert.Throws<NotebookFormatException>(() => SqlStepGenerator.Generate(LoadedNotebook.Load(path)));
            Assert.Contains("exactly one multi-line raw string", error.Message);
            Assert.Contains("found 0", error.Message);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_band_changed_in_the_cell_text_changes_the_scores_and_the_segments_that_follow()
    {
        using var db = new WorkshopDatabase();
        DatasetLoader.LoadOlist(db, Path.Combine(RepositoryPaths.Data, "olist"));
        var pipeline = RfmPipeline.ForOlist(db);
        foreach (var step in pipeline.Steps) pipeline.Run(step.Name);
        var scores = pipeline.Steps[3].Sql;
        const string TwoOrders = "WHEN c.frequency = 2 THEN 2";
        Assert.Contains(TwoOrders, scores);
        // An attendee's change: customers with two orders join the one-order band.
        pipeline.Run("scores", scores.Replace(TwoOrders, "WHEN c.frequency = 2 THEN 1"));
        pipeline.Run("segments", pipeline.Steps[4].Sql);

        var twoOrders = db.Scalar<long>("SELECT COUNT(*) FROM rfm_segments WHERE frequency = 2");
        Assert.True(twoOrders > 0, "the sample has no customer with two orders");
        Assert.Equal(twoOrders, db.Scalar<long>("SELECT COUNT(*) FROM rfm_segments WHERE frequency = 2 AND f_score = 1"));
        Assert.Equal(0, db.Scalar<long>("SELECT COUNT(*) FROM rfm_segments WHERE frequency = 2 AND segment = 'Potential loyalists'"));
        // Each step once, in order, however often a cell was rerun.
        Assert.Equal(pipeline.Steps.Select(s => s.Name), pipeline.Result().Steps.Select(s => s.Script.Name));
        Assert.Equal(db.Count("rfm"), pipeline.Result().Customers);

        var wrongTable = Assert.Throws<ArgumentException>(() => pipeline.Run("scores", "CREATE TABLE elsewhere AS SELECT 1 AS x"));
        Assert.Contains("must create the table rfm_scores", wrongTable.Message);
    }

    private static string Cell(string id, string? tag, string source) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["cell_type"] = "code", ["id"] = id, ["execution_count"] = null, ["outputs"] = Array.Empty<object>(),
        ["metadata"] = tag is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["tags"] = new[] { tag } },
        ["source"] = new[] { source },
    });

    private static string Notebook_(params string[] cells) =>
        "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \".net-csharp\", \"display_name\": \".NET (C#)\", \"language\": \"C#\"}, " +
        "\"language_info\": {\"name\": \"C#\"}}, \"cells\": [" + string.Join(", ", cells) + "]}";
}

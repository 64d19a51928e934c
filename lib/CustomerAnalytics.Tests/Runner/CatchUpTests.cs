using System.Text.Json;
using CustomerAnalytics.Runner;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>The longest "Run All Above" of a run, and the line that prints it under the timing table.</summary>
public sealed class CatchUpTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ca-catchup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Cells: 0 title + timing table, 1 code, 2 "## 1. Load", 3 code, 4 code, 5 "## 2. Train", 6 code, 7 "## Going further", 8 code.
    private static readonly string Notebook = """
        {"cells": [
         {"cell_type": "markdown", "id": "t", "metadata": {}, "source": ["# 01 · Title\n", "\n", "| Section | Minutes | You do |\n", "|---|---|---|\n", "| 1. Load | 10 | run |\n", "| **Total** | 10 | |\n", "\n", "Setup first."]},
         {"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": null, "outputs": [], "source": ["var a = 1;"]},
         {"cell_type": "markdown", "id": "m2", "metadata": {}, "source": ["## 1. Load\n", "Text."]},
         {"cell_type": "code", "id": "c3", "metadata": {}, "execution_count": null, "outputs": [], "source": ["var b = 2;"]},
         {"cell_type": "code", "id": "c4", "metadata": {}, "execution_count": null, "outputs": [], "source": ["var c = 3;"]},
         {"cell_type": "markdown", "id": "m5", "metadata": {}, "source": ["## 2. Train"]},
         {"cell_type": "code", "id": "c6", "metadata": {}, "execution_count": null, "outputs": [], "source": ["var d = 4;"]},
         {"cell_type": "markdown", "id": "m7", "metadata": {}, "source": ["Before the heading.\n", "## Going further"]},
         {"cell_type": "code", "id": "c8", "metadata": {}, "execution_count": null, "outputs": [], "source": ["var e = 5;"]}
        ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """;

    private static CellResult Cell(int? number, double seconds) => new(number, CellStatus.Ok, "", null, TimeSpan.FromSeconds(seconds));

    // Kernel start 4 s, the injected parameters cell 1 s, then the source cells (numbers are 1-based positions).
    private static NotebookResult Run() => new("01-x", "01-x.ipynb", null, NotebookStatus.Ok,
        [Cell(null, 1), Cell(2, 1), Cell(4, 2), Cell(5, 3), Cell(7, 4), Cell(9, 5)], 5, TimeSpan.FromSeconds(20), null);

    [Fact]
    public void The_furthest_section_is_reached_after_the_kernel_start_and_every_cell_above_it()
    {
        var catchUp = CatchUp.Of(Run(), JsonDocument.Parse(Notebook).RootElement);

        // 20 s in all, 15 s of it in source cells: 5 s before the first cell; then 1 + 2 + 3 + 4 s above "Going further".
        Assert.Equal(new CatchUp("Going further", TimeSpan.FromSeconds(15)), catchUp);
    }

    [Fact]
    public void A_notebook_whose_headings_all_come_before_its_code_has_no_catch_up()
    {
        var notebook = JsonDocument.Parse("""{"cells": [{"cell_type": "markdown", "source": ["## 1. Only"]}, {"cell_type": "code", "source": ["1"]}]}""").RootElement;
        Assert.Null(CatchUp.Of(new NotebookResult("x", "x.ipynb", null, NotebookStatus.Ok, [Cell(2, 1)], 1, TimeSpan.FromSeconds(3), null), notebook));
    }

    [Fact]
    public void The_line_goes_under_the_timing_table_and_replaces_the_last_one()
    {
        var path = Path.Combine(_folder, "01-x.ipynb");
        File.WriteAllText(path, Notebook);

        Assert.True(CatchUpLine.Write(path, CatchUpLine.Text(new CatchUp("2. Train", TimeSpan.FromSeconds(41.2)), 2)));
        var first = File.ReadAllText(path);
        Assert.True(CatchUpLine.Write(path, CatchUpLine.Text(new CatchUp("Going further", TimeSpan.FromSeconds(15)), 2)));

        var source = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cells")[0].GetProperty("source")
            .EnumerateArray().Select(l => l.GetString()).ToArray();
        Assert.Equal([
            "# 01 · Title\n", "\n", "| Section | Minutes | You do |\n", "|---|---|---|\n", "| 1. Load | 10 | run |\n", "| **Total** | 10 | |\n", "\n",
            "Catch-up: after a late start or a kernel restart, **Run All Above** reaches any section in at most **15 s** (the furthest: \"Going further\"; measured by the headless runner on the sample, 2 cores).\n",
            "\n", "Setup first."], source);
        Assert.Contains("at most **42 s** (the furthest: \\\"2. Train\\\"", first); // rounded up, never down
        Assert.Single(source, l => l!.StartsWith(CatchUpLine.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void A_notebook_without_a_timing_table_is_left_as_it_was()
    {
        var path = Path.Combine(_folder, "02-x.ipynb");
        var text = Notebook.Replace("| Section | Minutes | You do |", "| Step | Time |");
        File.WriteAllText(path, text);

        Assert.False(CatchUpLine.Write(path, "Catch-up: anything"));
        Assert.Equal(text, File.ReadAllText(path));
    }
}

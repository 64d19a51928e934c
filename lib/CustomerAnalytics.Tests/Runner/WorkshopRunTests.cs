using CustomerAnalytics.Runner;
using static CustomerAnalytics.Tests.Runner.RunnerTestSupport;

namespace CustomerAnalytics.Tests.Runner;

/// <summary>Whole runs in process: notebook discovery, parameters across notebooks, images, summary.</summary>
[Collection(RunnerCollection.Name)]
public sealed class WorkshopRunTests : IDisposable
{
    private readonly List<string> _folders = [];
    private readonly StringWriter _log = new();

    public void Dispose() => _folders.ForEach(DeleteQuietly);

    private string Repository(params (string Fixture, string As)[] notebooks)
    {
        var root = NewRepository(notebooks);
        _folders.Add(root);
        return root;
    }

    [Fact]
    public async Task Update_images_replaces_the_pngs_in_images_and_outputs_default_to_artifacts()
    {
        var root = Repository(("display-update.ipynb", "03-charts.ipynb"));
        var images = Path.Combine(root, "images", "03-charts");
        Directory.CreateDirectory(images);
        File.WriteAllText(Path.Combine(images, "stale.png"), "old");

        var report = await WorkshopRun.RunAsync(RunnerOptions.Parse(["--update-images"]), root, _log);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(["chart.png", ImageProvenance.FileName], Directory.GetFiles(images).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var recorded = ImageProvenance.Read(images)!;
        var notebook = Path.Combine(root, "notebooks", "03-charts.ipynb");
        Assert.Equal("notebooks/03-charts.ipynb", recorded.Notebook);
        Assert.Empty(recorded.DifferencesFrom(ImageProvenance.Of(root, notebook, Directory.GetFiles(images, "*.png"))));
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "notebooks", "03-charts.ipynb")));
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "charts", "03-charts", "chart.png")));
        Assert.Contains("1 PNG(s) copied to images/03-charts/", _log.ToString());
    }

    [Fact]
    public async Task A_failing_notebook_does_not_stop_the_next_one_and_the_summary_shows_both()
    {
        var root = Repository(("broken.ipynb", "01-broken.ipynb"), ("comment-parameters.ipynb", "02-ok.ipynb"));

        var report = await WorkshopRun.RunAsync(RunnerOptions.Parse(["--param", "seed=3"]), root, _log);

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(["01-broken", "02-ok"], report.Results.Select(r => r.Name)); // sorted by name
        var summary = SummaryTable.Render(report.Results);
        Assert.Contains(summary, _log.ToString());
        var lines = summary.Split(Environment.NewLine);
        Assert.Equal(["notebook", "cells", "seconds", "status"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^01-broken\s+1/3\s+\d+\.\d\s+FAILED \(cell 3\)$", lines[2]);
        Assert.Matches(@"^02-ok\s+2/2\s+\d+\.\d\s+ok$", lines[3]);
        Assert.Contains("seed=3 region=EU", _log.ToString()); // the parameter went to the notebook declaring it

        // Both get a report, failed or not, and the index lists exactly the notebooks of this run.
        var reports = Path.Combine(root, "artifacts", "reports");
        Assert.Equal(["01-broken.html", "02-ok.html", "index.html"], Directory.GetFiles(reports).Select(Path.GetFileName).Order());
        var index = File.ReadAllText(Path.Combine(reports, "index.html"));
        Assert.Contains("href=\"01-broken.html\"", index);
        Assert.Contains("FAILED (cell 3)", index);
        Assert.Contains("href=\"02-ok.html\"", index);
        Assert.Contains($"Reports (open in a browser, work offline): {Path.Combine(reports, "index.html")}", _log.ToString());
    }

    [Fact]
    public async Task A_parameter_no_notebook_declares_is_a_usage_error_listing_what_each_declares()
    {
        var root = Repository(("good.ipynb", "01-good.ipynb"), ("broken.ipynb", "02-broken.ipynb"));

        var error = await Assert.ThrowsAsync<NotebookParameterException>(() =>
            WorkshopRun.RunAsync(RunnerOptions.Parse(["--param", "sampleSiz=1"]), root, _log));

        Assert.Contains("Unknown parameter sampleSiz", error.Message);
        Assert.Contains("01-good.ipynb: sampleSize, label, rate, verbose", error.Message);
        Assert.Contains("02-broken.ipynb: (no parameters cell)", error.Message);
        Assert.DoesNotContain("[01-good] cell", _log.ToString()); // nothing ran
    }

    [Fact]
    public async Task A_missing_path_names_it_and_lists_the_notebooks_there_are()
    {
        var root = Repository(("good.ipynb", "01-rfm.ipynb"), ("broken.ipynb", "02-churn.ipynb"));

        var error = await Assert.ThrowsAsync<RunnerUsageException>(() =>
            WorkshopRun.RunAsync(RunnerOptions.Parse(["notebooks/03-missing.ipynb"]), root, _log));

        Assert.Contains("Notebook path 'notebooks/03-missing.ipynb' does not exist", error.Message);
        Assert.Contains("01-rfm.ipynb", error.Message);
        Assert.Contains("02-churn.ipynb", error.Message);
    }
}

using System.Text.Json;
using CustomerAnalytics.Hosting;

namespace CustomerAnalytics.Runner;

/// <summary>The results of a whole run and the process exit code they imply.</summary>
public sealed record RunReport(IReadOnlyList<NotebookResult> Results)
{
    /// <summary>0 when every notebook succeeded, 1 otherwise (usage errors, exit code 2, never get this far).</summary>
    public int ExitCode => Results.All(r => r.Succeeded) ? 0 : 1;
}

/// <summary>
/// Everything <c>run-workshops</c> does after parsing its arguments: find the notebooks, check the parameters
/// against all of them, run each in turn, write its HTML report, update images, and print the summary table
/// and where the reports are (<c>&lt;out&gt;/reports/index.html</c>).
/// </summary>
public static class WorkshopRun
{
    /// <summary>Runs the notebooks selected by <paramref name="options"/>.</summary>
    /// <param name="options">Parsed command line.</param>
    /// <param name="workingDirectory">Where relative paths start and the repository root is searched from; default the current directory.</param>
    /// <param name="log">Progress and summary output; default standard output.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="RunnerUsageException">A path does not exist.</exception>
    /// <exception cref="NotebookParameterException">A <c>--param</c> is declared by no notebook or does not fit its type.</exception>
    /// <exception cref="OutputFolderException">The output folder is a file, is not writable, or another run holds it.</exception>
    public static async Task<RunReport> RunAsync(RunnerOptions options, string? workingDirectory = null, TextWriter? log = null,
                                                 CancellationToken cancellationToken = default)
    {
        log ??= RunnerConsole.Out;
        var cwd = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory);
        var notebooks = NotebookLocator.Resolve(options.Inputs, cwd);
        var root = RepositoryRoot.TryFind(cwd) ?? cwd;
        var outputDirectory = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, "artifacts"), cwd);
        var parameters = ParametersPerNotebook(notebooks, options.Parameters);
        // Checked and held before anything is written: a file, an unwritable folder or another run's folder is a usage error.
        using var folderLock = OutputFolderLock.Acquire(outputDirectory);
        // One chromium draws the PNGs of every notebook of the run; it closes when the run ends.
        await using var png = new PngExporter(new PngExportOptions { ChromiumPath = options.Machine?.ChromiumPath });

        var results = new List<NotebookResult>();
        var reports = new List<ReportIndex.Entry>();
        var reportsDirectory = Path.Combine(outputDirectory, "reports");
        foreach (var notebook in notebooks)
        {
            var runOptions = new NotebookRunOptions
            {
                OutputDirectory = outputDirectory,
                Parameters = parameters[notebook],
                Timeout = options.Timeout,
                Machine = options.Machine,
                Png = png,
            };
            var result = await new NotebookRunner(runOptions, log).RunAsync(notebook, cancellationToken);
            results.Add(result);
            reports.Add(new ReportIndex.Entry(result, WriteReport(result, reportsDirectory, log)));
            WriteIndex(reports, reportsDirectory, log);

            if (options.UpdateImages && result.Succeeded && result.ChartsDirectory is not null)
            {
                var copied = ImageUpdater.Update(result.ChartsDirectory, Path.Combine(root, "images", result.Name), root, result.SourcePath);
                log.WriteLine($"[{result.Name}] images: {(copied.Count == 0 ? "no PNG charts produced, images/ left unchanged" : $"{copied.Count} PNG(s) copied to images/{result.Name}/")}");
                WriteCatchUp(result, log);
            }
        }

        log.WriteLine();
        log.Write(SummaryTable.Render(results));
        log.WriteLine($"Executed notebooks: {Path.Combine(outputDirectory, "notebooks")}");
        log.WriteLine($"Reports (open in a browser, work offline): {Path.Combine(reportsDirectory, ReportIndex.FileName)}");
        return new RunReport(results);
    }

    /// <summary>Writes the run's measured catch-up under the notebook's timing table (<c>--update-images</c>).</summary>
    private static void WriteCatchUp(NotebookResult result, TextWriter log)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(result.SourcePath));
        if (CatchUp.Of(result, json.RootElement) is not { } catchUp) return;
        var written = CatchUpLine.Write(result.SourcePath, CatchUpLine.Text(catchUp, Environment.ProcessorCount));
        log.WriteLine($"[{result.Name}] catch-up: {catchUp.Elapsed.TotalSeconds:0} s to \"{catchUp.Section}\"{(written ? ", written under the timing table" : "; no timing table to write it under")}");
    }

    /// <summary>
    /// Rewrites the index after every notebook, so during a long run it already shows the finished ones.
    /// Like a report, an index that cannot be written is logged and does not fail the run.
    /// </summary>
    private static void WriteIndex(IReadOnlyList<ReportIndex.Entry> reports, string reportsDirectory, TextWriter log)
    {
        try { ReportIndex.Write(reports, reportsDirectory); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"warning: the report index could not be written: {e.Message}");
        }
    }

    /// <summary>Writes the notebook's HTML report; a report that cannot be written is logged, never fails the run.</summary>
    private static NotebookReport? WriteReport(NotebookResult result, string reportsDirectory, TextWriter log)
    {
        try
        {
            var report = ReportWriter.Write(result, reportsDirectory);
            log.WriteLine($"[{result.Name}] report: {report.Path}");
            return report;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"[{result.Name}] warning: the HTML report could not be written: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Which overrides apply to which notebook. A parameter must be declared by at least one notebook; notebooks
    /// that do not declare it run with their defaults. Values are checked against every declaring notebook up front.
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> ParametersPerNotebook(
        IReadOnlyList<string> notebooks, IReadOnlyDictionary<string, string> parameters)
    {
        var empty = new Dictionary<string, string>();
        if (parameters.Count == 0) return notebooks.ToDictionary(n => n, _ => (IReadOnlyDictionary<string, string>)empty);

        var cells = new Dictionary<string, ParametersCell?>();
        foreach (var notebook in notebooks)
        {
            // An unreadable notebook is reported when it runs; here it simply declares nothing.
            try { cells[notebook] = ParameterInjector.FindParametersCell(LoadedNotebook.Load(notebook)); }
            catch (Exception e) when (e is NotebookFormatException or IOException) { cells[notebook] = null; }
        }

        var undeclared = parameters.Keys.Where(p => cells.Values.All(c => c is null || c.Parameters.All(d => d.Name != p))).ToList();
        if (undeclared.Count > 0)
        {
            var declared = cells.Select(kv => $"  {Path.GetFileName(kv.Key)}: {kv.Value?.Names ?? "(no parameters cell)"}");
            throw new NotebookParameterException(
                $"Unknown parameter {string.Join(", ", undeclared)}: no notebook in this run declares it. Declared parameters:" +
                Environment.NewLine + string.Join(Environment.NewLine, declared));
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var (notebook, cell) in cells)
        {
            var applicable = parameters.Where(p => cell?.Parameters.Any(d => d.Name == p.Key) == true).ToDictionary();
            ParameterInjector.BuildInjectedCode(Path.GetFileName(notebook), cell, applicable); // throws on a value that does not fit
            result[notebook] = applicable;
        }
        return result;
    }
}

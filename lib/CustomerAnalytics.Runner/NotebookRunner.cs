using System.Diagnostics;
using CustomerAnalytics.Hosting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Runs one notebook top to bottom in a fresh C# kernel, the way Jupyter would: <c>#r "nuget: ..."</c> and
/// the kernel helpers (<c>display</c>, <c>HTML</c>, ...) work, and the first failing cell stops the notebook.
/// Writes the executed copy with outputs and returns a <see cref="NotebookResult"/>.
/// </summary>
/// <remarks>
/// The notebook gets its settings explicitly (<see cref="KernelCode"/>): its <c>Workshop.Start()</c> call is handed the
/// runner's <see cref="WorkshopSettings"/> (output folders, the chart files, the machine's settings) and its paths
/// relative to the notebook's folder are made absolute. No environment variable is set and the current folder is
/// never changed. .NET Interactive's formatters are process-wide, so run one notebook at a time per process.
/// </remarks>
public sealed class NotebookRunner(NotebookRunOptions options, TextWriter? log = null)
{
    // Kernel events may arrive on another thread than the runner's own progress lines.
    private readonly TextWriter _log = TextWriter.Synchronized(log ?? RunnerConsole.Out);

    /// <summary>Runs the notebook at <paramref name="notebookPath"/>.</summary>
    /// <exception cref="NotebookParameterException">A parameter is not declared by the notebook or its value does not fit.</exception>
    public async Task<NotebookResult> RunAsync(string notebookPath, CancellationToken cancellationToken = default)
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var fullPath = Path.GetFullPath(notebookPath);
        var name = Path.GetFileNameWithoutExtension(fullPath);

        LoadedNotebook notebook;
        try
        {
            notebook = LoadedNotebook.Load(fullPath);
        }
        catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException)
        {
            var message = e is NotebookFormatException ? e.Message : $"{fullPath} could not be read: {e.Message}";
            _log.WriteLine($"[{name}] FAILED: {message}");
            return new NotebookResult(name, fullPath, null, NotebookStatus.InvalidNotebook, [], 0, clock.Elapsed, message) { StartedAt = startedAt };
        }

        if (notebook.KernelspecProblem is { } problem) _log.WriteLine($"[{name}] warning: {problem}");
        var sourceCellOf = PrepareCells(notebook); // throws on a bad parameter, before any kernel starts

        var chartsDirectory = options.ChartsDirectory(name);
        if (Directory.Exists(chartsDirectory)) Directory.Delete(chartsDirectory, recursive: true);
        Directory.CreateDirectory(chartsDirectory);

        var outputs = new NotebookOutputs(name, _log);
        // One chromium for the run when the caller shares one; else this notebook's own, closed when it ends.
        await using var ownPng = options.Png is null ? new PngExporter(new PngExportOptions { ChromiumPath = options.Machine?.ChromiumPath }) : null;
        var settings = SettingsFor(fullPath, chartsDirectory, new ChartFiles(chartsDirectory, options.Png ?? ownPng));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        CSharpKernel? kernel = null;
        List<CellResult> cells;
        try
        {
            // Formatters are process-wide; a notebook must not see what the previous one registered.
            Formatter.ResetToDefault();
            kernel = CreateKernel();
            using var subscription = kernel.KernelEvents.Subscribe(outputs);
            var code = new KernelCode(Path.GetDirectoryName(fullPath)!, settings is null ? null : KernelCode.SettingsVariable, options.Machine?.Device);
            // Declared as object: the kernel compiles against the notebook's own #r of the library, which loads as the
            // runner's copy (one assembly per process), so the notebook's cast to WorkshopSettings succeeds.
            if (settings is not null) await kernel.SetValueAsync(KernelCode.SettingsVariable, settings, typeof(object));
            cells = await RunCellsAsync(kernel, notebook, sourceCellOf, outputs, code, deadline.Token, cancellationToken);
        }
        finally
        {
            // After a timeout the cell may still be running: disposal stops its scheduler but cannot abort the thread.
            kernel?.Dispose();
        }

        var elements = notebook.Document.Elements;
        for (var i = 0; i < elements.Count; i++) elements[i].Outputs.AddRange(outputs.ElementsFor(i));
        var executedPath = options.ExecutedNotebookPath(name);
        NotebookWriter.Write(executedPath, notebook, notebook.Document, sourceCellOf);

        var failed = cells.LastOrDefault(c => c.Status != CellStatus.Ok);
        var status = failed?.Status switch
        {
            null => NotebookStatus.Ok,
            CellStatus.TimedOut => NotebookStatus.TimedOut,
            _ => NotebookStatus.CellFailed,
        };
        return new NotebookResult(name, fullPath, executedPath, status, cells,
                                  notebook.CellTypes.Count(t => t == "code"), clock.Elapsed, failed?.Error)
        {
            ChartsDirectory = chartsDirectory,
            StartedAt = startedAt,
        };
    }

    /// <summary>
    /// The settings the notebook's <c>Workshop.Start()</c> is given: its repository, this run's folders (charts in
    /// <paramref name="chartsDirectory"/>; results, models and the run store below the run's output folder, so
    /// <c>--out</c> writes nothing elsewhere), the chart files, and the machine's settings the host read. Null when the
    /// notebook is not in a workshop repository (its own <c>Workshop.Start()</c> then says so).
    /// </summary>
    private WorkshopSettings? SettingsFor(string notebookPath, string chartsDirectory, IChartOutput charts)
    {
        var root = RepositoryRoot.TryFind(Path.GetDirectoryName(notebookPath)!);
        if (root is null) return null;
        return (options.Machine ?? new WorkshopSettings { Root = root }) with
        {
            Root = root,
            OutputFolder = chartsDirectory,
            ArtifactsFolder = options.OutputDirectory,
            ChartOutput = charts,
        };
    }

    /// <summary>
    /// Inserts the injected parameters cell and clears old outputs (like papermill, the executed copy shows this
    /// run only). Returns, for each element, the index of its cell in the source notebook (null for the injected cell).
    /// </summary>
    private List<int?> PrepareCells(LoadedNotebook notebook)
    {
        var parametersCell = ParameterInjector.FindParametersCell(notebook);
        var injectedCode = ParameterInjector.BuildInjectedCode(notebook.Name + ".ipynb", parametersCell, options.Parameters);

        var elements = notebook.Document.Elements;
        var sourceCellOf = Enumerable.Range(0, elements.Count).Select(i => (int?)i).ToList();
        if (injectedCode is not null)
        {
            elements.Insert(parametersCell!.CellIndex + 1, ParameterInjector.CreateInjectedCell(injectedCode));
            sourceCellOf.Insert(parametersCell.CellIndex + 1, null);
        }
        foreach (var element in elements)
        {
            element.Outputs.Clear();
            element.ExecutionOrder = 0;
        }
        return sourceCellOf;
    }

    /// <summary>Submits the code cells in order; stops at the first failure or timeout, which it reports.</summary>
    private async Task<List<CellResult>> RunCellsAsync(CSharpKernel kernel, LoadedNotebook notebook, List<int?> sourceCellOf,
                                                       NotebookOutputs outputs, KernelCode kernelCode, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var name = notebook.Name;
        var elements = notebook.Document.Elements;
        var cells = new List<CellResult>();
        for (var i = 0; i < elements.Count; i++)
        {
            if (sourceCellOf[i] is { } s && notebook.CellTypes[s] != "code") continue;

            var number = sourceCellOf[i] + 1;
            var code = CellSource.Code(elements[i]);
            _log.WriteLine($"[{name}] {(number is { } n ? $"cell {n}/{notebook.CellTypes.Count}" : "injected parameters")}  {CellSource.Headline(code)}");

            elements[i].ExecutionOrder = cells.Count + 1;
            outputs.StartCell(i, elements[i].ExecutionOrder);
            var clock = Stopwatch.StartNew();
            var kernelName = CellSource.KernelName(elements[i]);
            var outcome = kernelName == "csharp"
                ? await SubmitAsync(kernel, kernelCode.Translate(code), deadline)
                : CellOutcome.Fail("NotCSharpCell", $"This is a '{kernelName}' cell; run-workshops runs C# cells only. Change the cell's language to C# or remove it.");
            cancellationToken.ThrowIfCancellationRequested();

            var error = Describe(outcome, $"{name}.ipynb", number is { } m ? $"cell {m}" : "the injected parameters cell", code);
            if (error is not null)
            {
                if (outcome.Status == CellStatus.TimedOut) outputs.AddError(i, "TimeoutError", error, [error]);
                else outputs.AddError(i, outcome.ErrorName!, outcome.ErrorValue!, outcome.Traceback);
            }
            cells.Add(new CellResult(number, outcome.Status, outputs.StdoutOf(i), error, clock.Elapsed));
            if (error is null) continue;

            foreach (var line in error.Split(Environment.NewLine)) _log.WriteLine($"[{name}] {line}");
            var skipped = sourceCellOf.Skip(i + 1).Count(x => x is { } k && notebook.CellTypes[k] == "code");
            if (skipped > 0) _log.WriteLine($"[{name}] skipping the remaining {skipped} code cell(s).");
            break;
        }
        return cells;
    }

    /// <summary>The message for a failed or timed-out cell: notebook, cell, first lines of its code, the error.</summary>
    private string? Describe(CellOutcome outcome, string notebook, string cell, string code) => outcome.Status switch
    {
        CellStatus.TimedOut => $"{notebook} timed out after {Minutes(options.Timeout)} while running {cell}. " +
                               "Raise --timeout-minutes, or run a smaller sample (see the notebook's parameters cell).",
        CellStatus.Failed => $"{notebook} failed at {cell}:{Environment.NewLine}{CellSource.Preview(code)}{Environment.NewLine}{outcome.Summary}",
        _ => null,
    };

    /// <summary>A C# kernel as Jupyter's .NET kernel sets it up for notebook code: NuGet <c>#r</c> and the display helpers.</summary>
    public static CSharpKernel CreateKernel() =>
        new CSharpKernel()
            .UseNugetDirective((kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers();

    private static async Task<CellOutcome> SubmitAsync(Kernel kernel, string code, CancellationToken deadline)
    {
        var send = kernel.SendAsync(new SubmitCode(code), deadline);
        // A busy cell does not observe cancellation, so the deadline is enforced here rather than trusted to the kernel.
        await Task.WhenAny(send, Task.Delay(Timeout.Infinite, deadline)).ConfigureAwait(false);
        if (deadline.IsCancellationRequested) return new CellOutcome(CellStatus.TimedOut, null, null, []);

        var result = await send.ConfigureAwait(false);
        var failure = result.Events.OfType<CommandFailed>().FirstOrDefault(f => f.Command == result.Command)
                      ?? result.Events.OfType<CommandFailed>().FirstOrDefault();
        return failure is null ? new CellOutcome(CellStatus.Ok, null, null, []) : CellOutcome.From(failure);
    }

    private static string Minutes(TimeSpan t) =>
        t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} minutes" : $"{t.TotalSeconds:0.#} seconds";

    private sealed record CellOutcome(CellStatus Status, string? ErrorName, string? ErrorValue, string[] Traceback)
    {
        /// <summary>"InvalidOperationException: boom", or the compiler's diagnostics.</summary>
        public string Summary => ErrorName is "CompilationError" or "Error" ? ErrorValue! : $"{ErrorName}: {ErrorValue}";

        public static CellOutcome Fail(string name, string message) => new(CellStatus.Failed, name, message, [message]);

        public static CellOutcome From(CommandFailed failure)
        {
            var traceback = failure.Message.Replace("\r\n", "\n").Split('\n');
            return failure.Exception switch
            {
                // Compile errors: the message already lists "(line,col): error CSxxxx: ..." for each diagnostic.
                CodeSubmissionCompilationErrorException => new(CellStatus.Failed, "CompilationError", failure.Message, traceback),
                { } e => new(CellStatus.Failed, e.GetType().Name, e.Message, traceback),
                null => new(CellStatus.Failed, "Error", failure.Message, traceback),
            };
        }
    }
}

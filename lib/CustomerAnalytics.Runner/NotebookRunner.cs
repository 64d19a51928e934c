using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Runs one notebook top to bottom in a fresh C# kernel, the way Jupyter would: the kernel starts in the
/// notebook's folder (relative paths and <c>#r "../..."</c> resolve from there), <c>#r "nuget: ..."</c> and
/// the kernel helpers (<c>display</c>, <c>HTML</c>, ...) work, and the first failing cell stops the notebook.
/// Writes the executed copy with outputs and returns a <see cref="NotebookResult"/>.
/// </summary>
/// <remarks>
/// The current directory and environment are process-wide, so run one notebook at a time per process.
/// </remarks>
public sealed class NotebookRunner(NotebookRunOptions options, TextWriter? log = null)
{
    private readonly TextWriter _log = log ?? RunnerConsole.Out;

    /// <summary>Runs the notebook at <paramref name="notebookPath"/>.</summary>
    /// <exception cref="NotebookParameterException">A parameter is not declared by the notebook or its value does not fit.</exception>
    public async Task<NotebookResult> RunAsync(string notebookPath, CancellationToken cancellationToken = default)
    {
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
            return new NotebookResult(name, fullPath, null, NotebookStatus.InvalidNotebook, [], 0, clock.Elapsed, message);
        }

        // Parameters are checked before the kernel starts: a typo should not cost a kernel start.
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
            // Like papermill: the executed copy shows this run's outputs only.
            element.Outputs.Clear();
            element.ExecutionOrder = 0;
        }

        var chartsDirectory = options.ChartsDirectory(name);
        if (Directory.Exists(chartsDirectory)) Directory.Delete(chartsDirectory, recursive: true);
        Directory.CreateDirectory(chartsDirectory);

        var outputs = new NotebookOutputs(name, _log);
        var cells = new List<CellResult>();
        var executed = new List<int>();
        var status = NotebookStatus.Ok;
        string? error = null;

        var previousDirectory = Environment.CurrentDirectory;
        var previousOutputVariable = Environment.GetEnvironmentVariable(NotebookRunOptions.OutputDirectoryVariable);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        CSharpKernel? kernel = null;
        try
        {
            // Jupyter starts the kernel in the notebook's folder; the library finds its chart folder here.
            Directory.SetCurrentDirectory(Path.GetDirectoryName(fullPath)!);
            Environment.SetEnvironmentVariable(NotebookRunOptions.OutputDirectoryVariable, chartsDirectory);
            // Formatters are process-wide; a notebook must not see what the previous one registered.
            Formatter.ResetToDefault();
            kernel = CreateKernel();
            using var subscription = kernel.KernelEvents.Subscribe(outputs);

            for (var i = 0; i < elements.Count; i++)
            {
                var sourceIndex = sourceCellOf[i];
                if (sourceIndex is { } s && notebook.CellTypes[s] != "code") continue;

                var element = elements[i];
                var number = sourceIndex + 1;
                var code = CellSource.Code(element);
                var where = number is { } n ? $"cell {n}/{notebook.CellTypes.Count}" : "injected parameters";
                _log.WriteLine($"[{name}] {where}  {CellSource.Headline(code)}");

                element.ExecutionOrder = executed.Count + 1;
                executed.Add(i);
                outputs.StartCell(i, element.ExecutionOrder);
                var cellClock = Stopwatch.StartNew();

                var kernelName = CellSource.KernelName(element);
                var outcome = kernelName == "csharp"
                    ? await SubmitAsync(kernel, code, deadline.Token)
                    : CellOutcome.Fail("NotCSharpCell",
                        $"This is a '{kernelName}' cell; run-workshops runs C# cells only. Change the cell's language to C# or remove it.");
                cancellationToken.ThrowIfCancellationRequested();

                var label = number is { } m ? $"cell {m}" : "the injected parameters cell";
                string? cellError = null;
                if (outcome.Status == CellStatus.TimedOut)
                {
                    cellError = $"{name}.ipynb timed out after {Minutes(options.Timeout)} while running {label}. " +
                                "Raise --timeout-minutes, or run a smaller sample (see the notebook's parameters cell).";
                    outputs.AddError(i, "TimeoutError", cellError, [cellError]);
                    status = NotebookStatus.TimedOut;
                }
                else if (outcome.Status == CellStatus.Failed)
                {
                    cellError = $"{name}.ipynb failed at {label}:{Environment.NewLine}{CellSource.Preview(code)}{Environment.NewLine}{outcome.Summary}";
                    outputs.AddError(i, outcome.ErrorName!, outcome.ErrorValue!, outcome.Traceback);
                    status = NotebookStatus.CellFailed;
                }

                cells.Add(new CellResult(number, outcome.Status, outputs.StdoutOf(i), cellError, cellClock.Elapsed));
                if (cellError is null) continue;

                error = cellError;
                foreach (var line in cellError.Split(Environment.NewLine)) _log.WriteLine($"[{name}] {line}");
                var skipped = sourceCellOf.Skip(i + 1).Count(x => x is { } k && notebook.CellTypes[k] == "code");
                if (skipped > 0) _log.WriteLine($"[{name}] skipping the remaining {skipped} code cell(s).");
                break;
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            Environment.SetEnvironmentVariable(NotebookRunOptions.OutputDirectoryVariable, previousOutputVariable);
            // After a timeout the cell may still be running: disposal stops its scheduler but cannot abort the thread.
            kernel?.Dispose();
        }

        foreach (var i in executed) elements[i].Outputs.AddRange(outputs.ElementsFor(i));
        var executedPath = options.ExecutedNotebookPath(name);
        NotebookWriter.Write(executedPath, notebook, notebook.Document, sourceCellOf);

        return new NotebookResult(name, fullPath, executedPath, status, cells,
                                  notebook.CellTypes.Count(t => t == "code"), clock.Elapsed, error)
        {
            ChartsDirectory = chartsDirectory,
        };
    }

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

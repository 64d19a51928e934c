using System.Globalization;
using CustomerAnalytics.Charts;
using CustomerAnalytics.Hosting;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// The host of a workshop's file-based app (<c>notebooks/apps/&lt;notebook&gt;.cs</c>, generated from the
/// notebook): reads <c>--param name=value</c> and <c>--out DIR</c> (<see cref="HostArguments"/>, as the runner does),
/// builds the app's <see cref="Workshop"/> from explicit settings (charts as files in <c>artifacts/apps/&lt;notebook&gt;/</c>),
/// and prints what a notebook would display.
/// </summary>
/// <example><code>
/// var app = WorkshopApp.Start("02-kmeans-segmentation", args);
/// var workshop = app.Workshop;   // the notebook's Workshop.Start()
/// var k = app.Parameter("k", 0);
/// app.CheckParameters();
/// app.Show(selection);
/// </code></example>
public sealed class WorkshopApp
{
    /// <summary>Rows of a DataFrame printed by <see cref="Show"/>.</summary>
    public const int DataFrameRows = 10;

    private readonly HashSet<string> _declared = [];
    private readonly TextWriter _out;

    private readonly IReadOnlyDictionary<string, string> _given;

    private WorkshopApp(string notebook, IReadOnlyDictionary<string, string> given, string outputFolder, string notebookFolder, Workshop workshop, TextWriter output)
    {
        Notebook = notebook;
        _given = given;
        OutputFolder = outputFolder;
        NotebookFolder = notebookFolder;
        Workshop = workshop;
        _out = output;
    }

    /// <summary>The app's workshop, built from explicit settings: what the notebook's <c>Workshop.Start()</c> gives in Jupyter.</summary>
    public Workshop Workshop { get; }

    /// <summary>The notebooks/ folder: the notebook's paths relative to its own folder resolve from here (<see cref="FromNotebookFolder"/>).</summary>
    public string NotebookFolder { get; }

    /// <summary>A path the notebook gives relative to its folder (Jupyter's current folder), made absolute: the app never
    /// changes the current folder.</summary>
    public string FromNotebookFolder(string relativePath) => Path.GetFullPath(Path.Combine(NotebookFolder, relativePath));

    /// <summary>The notebook this app is the twin of.</summary>
    public string Notebook { get; }

    /// <summary>Where charts, results and key numbers go.</summary>
    public string OutputFolder { get; }

    /// <summary>
    /// Parses the arguments and builds the app's <see cref="Workshop"/>: the repository of the app's source file, charts
    /// written as HTML and PNG (one chromium, closed when the process exits), results under <c>--out</c> when given.
    /// The machine's settings (bucket, attendee, device, chromium) are read from the environment once, here.
    /// </summary>
    /// <param name="notebook">The notebook's file name without extension.</param>
    /// <param name="args">The command line: <c>--param name=value</c> (repeatable), <c>--out DIR</c>.</param>
    /// <param name="output">Where to print (default the console).</param>
    /// <remarks>
    /// The output folder (<c>--out</c>, else the repository's artifacts/) is locked until the process exits, so two
    /// runs never write it at once. A usage error (a malformed argument or parameter, an <c>--out</c> that is a file,
    /// not writable or in use) ends the app with its message and exit code 2, not with a stack trace.
    /// </remarks>
    /// <exception cref="WorkshopAppException">An argument is malformed.</exception>
    /// <exception cref="OutputFolderException">The output folder is a file, is not writable, or another run holds it.</exception>
    public static WorkshopApp Start(string notebook, string[] args, TextWriter? output = null)
    {
        AppDomain.CurrentDomain.UnhandledException -= ExitOnWorkshopError; // once, however often Start is called
        AppDomain.CurrentDomain.UnhandledException += ExitOnWorkshopError;
        var usage = $"Usage: dotnet run notebooks/apps/{notebook}.cs -- [--param name=value]... [--out DIR]";
        var arguments = new HostArguments(message => new WorkshopAppException($"{message} {usage}"));
        for (int i = 0; i < args.Length; i++)
            if (!arguments.TryRead(args, ref i))
                throw new WorkshopAppException($"Unexpected argument '{args[i]}'. {usage}");
        var outDir = arguments.OutputFolder is { } given ? Path.GetFullPath(given) : null;

        var root = FindRepository();
        // Results go to --out, else to the repository's artifacts/ (shared with the runner): that is the folder to hold.
        var folderLock = OutputFolderLock.Acquire(outDir ?? Path.Combine(root, "artifacts"));
        var folder = outDir ?? Path.Combine(root, "artifacts", "apps", notebook);
        Directory.CreateDirectory(folder);
        var machine = WorkshopSettings.FromEnvironment(root);
        var png = new PngExporter(new PngExportOptions { ChromiumPath = machine.ChromiumPath });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            png.Dispose();
            folderLock.Dispose();
        };
        // With --out, results and models go there too (nothing lands in the repository's artifacts/).
        var workshop = Workshop.Start(machine with { OutputFolder = folder, ArtifactsFolder = outDir, ChartOutput = new ChartFiles(folder, png) });

        var app = new WorkshopApp(notebook, arguments.Parameters, folder, Path.Combine(root, "notebooks"), workshop, output ?? Console.Out);
        app._out.WriteLine($"{notebook} (file-based app; charts in {folder}, results in {Path.Combine(workshop.ArtifactsFolder, "results")})");
        return app;
    }

    /// <summary>A parameter of the notebook's parameters cell: the <c>--param</c> value if given, else <paramref name="defaultValue"/>.</summary>
    /// <exception cref="WorkshopAppException">The given value does not fit the parameter's type.</exception>
    public T Parameter<T>(string name, T defaultValue)
    {
        _declared.Add(name);
        if (!_given.TryGetValue(name, out var text)) return defaultValue;
        var inv = CultureInfo.InvariantCulture;
        object? value = defaultValue switch
        {
            string => text,
            int => int.TryParse(text, NumberStyles.Integer, inv, out var i) ? i : null,
            long => long.TryParse(text, NumberStyles.Integer, inv, out var l) ? l : null,
            double => double.TryParse(text, NumberStyles.Float, inv, out var d) ? d : null,
            float => float.TryParse(text, NumberStyles.Float, inv, out var f) ? f : null,
            decimal => decimal.TryParse(text, NumberStyles.Number, inv, out var m) ? m : null,
            bool => bool.TryParse(text, out var b) ? b : null,
            _ => throw new WorkshopAppException($"Parameter {name} has type {typeof(T).Name}; --param supports string, int, long, double, float, decimal and bool."),
        };
        return value is T typed ? typed
            : throw new WorkshopAppException($"--param {name}={text} does not fit: {name} is a {typeof(T).Name} (default {Convert.ToString(defaultValue, inv)}).");
    }

    /// <summary>Fails on a <c>--param</c> the notebook does not declare (called right after the parameters).</summary>
    public void CheckParameters()
    {
        var unknown = _given.Keys.Where(k => !_declared.Contains(k)).ToArray();
        if (unknown.Length > 0)
            throw new WorkshopAppException(
                $"{Notebook} has no parameter {string.Join(", ", unknown)}. Its parameters: {string.Join(", ", _declared)}.");
        foreach (var (name, value) in _given) _out.WriteLine($"parameter {name} = {value}");
    }

    /// <summary>Prints a notebook heading, so the console output reads like the notebook.</summary>
    public void Section(string title)
    {
        _out.WriteLine();
        _out.WriteLine(title);
    }

    /// <summary>
    /// Prints what the notebook displays: a chart as the files it was saved to, a DataFrame as its first rows,
    /// anything else as its text form.
    /// </summary>
    public void Show(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case NotebookChart { HtmlPath: null } chart: // workshop.Show: nothing saved yet
                var path = CustomerAnalytics.Charts.Charts.SaveHtml(chart.Chart, Path.Combine(OutputFolder, FileNames.Sanitize(chart.Name) + ".html"), chart.Name);
                _out.WriteLine($"Chart '{chart.Name}' (saved: {path})");
                return;
            case DataFrame frame:
                _out.WriteLine($"DataFrame: {frame.Rows.Count:N0} rows x {frame.Columns.Count} columns" +
                               (frame.Rows.Count > DataFrameRows ? $", first {DataFrameRows}:" : ":"));
                // DataFrame.Head(n) throws when the frame has fewer than n rows.
                _out.WriteLine(frame.Head((int)Math.Min(DataFrameRows, frame.Rows.Count)).ToString().TrimEnd());
                return;
            default:
                _out.WriteLine(value.ToString());
                return;
        }
    }

    // An app is top-level statements: an exception nobody catches would abort the process (exit 134) with a stack
    // trace. The workshop's own errors (a bad parameter, a damaged file: each says what to do) instead end it the way
    // the runner does: the message on standard error, exit code 2 for a usage error, 1 for a failed step.
    private static void ExitOnWorkshopError(object? sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is not WorkshopException failure) return;
        Console.Error.WriteLine($"error: {failure.Message}");
        Environment.Exit(failure is WorkshopAppException or OutputFolderException ? 2 : 1);
    }

    // A file-based app knows its source file; fall back to the current folder.
    private static string FindRepository() =>
        new[] { AppContext.GetData("EntryPointFileDirectoryPath") as string, Directory.GetCurrentDirectory() }
            .OfType<string>().Select(RepositoryRoot.TryFind).FirstOrDefault(root => root is not null)
        ?? throw new WorkshopAppException("Run the app from the cloned workshop repository: no folder with global.json and notebooks/ found.");
}

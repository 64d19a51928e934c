namespace CustomerAnalytics.Runner;

/// <summary>Settings for running single notebooks with <see cref="NotebookRunner"/>.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>
    /// Root of the outputs: executed copies go to <c>notebooks/</c>, charts to <c>charts/&lt;notebook&gt;/</c>,
    /// HTML reports to <c>reports/</c> below it.
    /// </summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Overrides for variables of the parameters cell; every name must be declared there.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Leave out the exercises' solution cells (tagged <c>solution</c>): the notebook as an attendee does it,
    /// which stops at the first exercise left undone.</summary>
    public bool WithoutSolutions { get; init; }

    /// <summary>Longest the notebook may run; the cell running at that moment is failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Environment variable naming the folder the library writes chart files into.</summary>
    public const string OutputDirectoryVariable = "WORKSHOP_OUTPUT_DIR";

    /// <summary>Where the executed copy of <paramref name="notebookName"/> is written.</summary>
    public string ExecutedNotebookPath(string notebookName) => Path.Combine(OutputDirectory, "notebooks", notebookName + ".ipynb");

    /// <summary>The chart folder of <paramref name="notebookName"/> (ends with a separator).</summary>
    public string ChartsDirectory(string notebookName) => Path.Combine(OutputDirectory, "charts", notebookName) + Path.DirectorySeparatorChar;
}

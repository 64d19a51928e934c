using CustomerAnalytics.Hosting;

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

    /// <summary>Longest the notebook may run; the cell running at that moment is failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The machine's settings the host read once (bucket, attendee, device, chromium: see
    /// <see cref="WorkshopSettings.FromEnvironment"/>); the runner sets the folders and the chart output itself. Null: none.</summary>
    public WorkshopSettings? Machine { get; init; }

    /// <summary>The PNG exporter the run shares (one chromium for all its notebooks; its owner disposes it). Null: the
    /// runner starts one for this notebook and closes it at the end.</summary>
    public PngExporter? Png { get; init; }

    /// <summary>Where the executed copy of <paramref name="notebookName"/> is written.</summary>
    public string ExecutedNotebookPath(string notebookName) => Path.Combine(OutputDirectory, "notebooks", notebookName + ".ipynb");

    /// <summary>The chart folder of <paramref name="notebookName"/> (ends with a separator).</summary>
    public string ChartsDirectory(string notebookName) => Path.Combine(OutputDirectory, "charts", notebookName) + Path.DirectorySeparatorChar;
}

using Plotly.NET;

namespace CustomerAnalytics.Charts;

/// <summary>
/// Chart output for the workshops. In a notebook, one line per chart:
/// <code>workshop.Publish(chart, "rfm-heatmap")</code>
/// shows the chart (plotly.js embedded once per notebook, so it works offline) and, under the
/// headless runner or an app, also saves <c>rfm-heatmap.html</c> and <c>rfm-heatmap.png</c> in the run's output folder.
/// </summary>
public static class Charts
{
    /// <summary>
    /// The chart for a notebook cell, as drawn (no workshop styling; see <see cref="Publish"/>).
    /// The first chart rendered in the kernel carries plotly.js inline (about 3.6 MB); later charts use it.
    /// </summary>
    public static NotebookChart Show(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new NotebookChart(chart, "chart", page: "");
    }

    /// <summary>
    /// Styles the chart with <paramref name="style"/> (default <see cref="ChartStyle.Workshop"/>) and
    /// returns it for the notebook. In a headless run (<see cref="Workshop.Headless"/>: the runner or an app) it also
    /// writes <c>&lt;output folder&gt;/&lt;name&gt;.html</c> and <c>.png</c>, the name made safe as a file name.
    /// Without chromium the PNG is skipped with a warning on stderr, never an exception.
    /// </summary>
    /// <param name="workshop">The notebook's workshop (<see cref="Workshop.Start"/>): where and whether to save.</param>
    /// <param name="chart">The chart to show and save.</param>
    /// <param name="name">File name stem, for example "rfm-heatmap"; unsafe characters become '-'.</param>
    /// <param name="style">Look and size; default <see cref="ChartStyle.Workshop"/>.</param>
    /// <param name="pngOptions">Browser, timeouts and scale for the PNG; default <see cref="PngExportOptions.Default"/>.</param>
    /// <exception cref="ChartExportException">Chromium was found but failed (crash, timeout).</exception>
    public static NotebookChart Publish(this Workshop workshop, GenericChart chart, string name, ChartStyle? style = null, PngExportOptions? pngOptions = null)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(chart);
        var stem = FileNames.Sanitize(name);
        style ??= ChartStyle.Workshop;
        var styled = style.Apply(chart);
        if (!workshop.Headless) return new NotebookChart(styled, name, workshop.OutputFolder);

        var html = SaveHtml(styled, Path.Combine(workshop.OutputFolder, stem + ".html"), title: name);
        var png = SavePng(styled, Path.Combine(workshop.OutputFolder, stem + ".png"), style.Width, style.Height, pngOptions);
        if (png.Skipped) Console.Error.WriteLine("warning: " + png.Message);
        return new NotebookChart(styled, name, workshop.OutputFolder, html, png);
    }

    /// <summary>
    /// Writes a standalone HTML page with plotly.js inline: it opens from disk with no network.
    /// Returns the full path. The chart is saved as given (use <see cref="ChartStyle.Apply"/> to style it).
    /// </summary>
    public static string SaveHtml(GenericChart chart, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return AtomicFile.WriteAllText(path, ChartHtml.Page(chart, title ?? Path.GetFileNameWithoutExtension(path)));
    }

    /// <summary>
    /// Writes the chart as a PNG of exactly <paramref name="width"/> x <paramref name="height"/> pixels
    /// (times <see cref="PngExportOptions.Scale"/>), drawn by plotly.js in headless chromium. The first
    /// PNG of a process starts chromium (a few seconds); later ones reuse it (tens of milliseconds).
    /// Without chromium the result says so and how to install it (<see cref="PngExportResult.Skipped"/>).
    /// </summary>
    /// <exception cref="ChartExportException">Chromium was found but failed (crash, timeout).</exception>
    public static PngExportResult SavePng(GenericChart chart, string path, int width = 900, int height = 500, PngExportOptions? options = null) =>
        // Task.Run: never block on async work under a notebook's synchronization context.
        Task.Run(() => SavePngAsync(chart, path, width, height, options)).GetAwaiter().GetResult();

    /// <inheritdoc cref="SavePng"/>
    public static Task<PngExportResult> SavePngAsync(GenericChart chart, string path, int width = 900, int height = 500, PngExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return PngExporter.SaveAsync(chart, path, width, height, options ?? PngExportOptions.Default);
    }

    /// <summary>
    /// Forgets that plotly.js was sent to the notebook, so the next chart embeds it again. Call it
    /// when the output that carried plotly.js was cleared (charts then say so instead of drawing).
    /// </summary>
    public static void ResetEmbedding() => PlotlyEmbedding.Reset();

    /// <summary>Closes the shared headless chromium (it also closes when the process exits).</summary>
    public static void CloseBrowser() => Task.Run(PngExporter.CloseAsync).GetAwaiter().GetResult();
}

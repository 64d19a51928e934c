using Plotly.NET;

namespace CustomerAnalytics.Charts;

/// <summary>
/// Chart output for the workshops. In a notebook, one line per chart:
/// <code>workshop.Publish(chart, "rfm-heatmap")</code>
/// shows the chart (plotly.js embedded once per notebook page, so it works offline) and hands it to the host's
/// <see cref="Workshop.ChartOutput"/>: under the headless runner or an app that writes <c>rfm-heatmap.html</c> and
/// <c>rfm-heatmap.png</c> in the run's output folder; a notebook has none.
/// </summary>
public static class Charts
{
    /// <summary>
    /// The chart for a notebook cell, as drawn (no workshop styling, nothing saved; see <see cref="Publish"/>).
    /// The first chart rendered on the workshop's page carries plotly.js inline (about 3.6 MB); later charts use it.
    /// </summary>
    public static NotebookChart Show(this Workshop workshop, GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(chart);
        return new NotebookChart(chart, "chart", workshop.Page);
    }

    /// <summary>
    /// Styles the chart with <paramref name="style"/> (default <see cref="ChartStyle.Workshop"/>), hands it to the
    /// host's <see cref="Workshop.ChartOutput"/> when there is one (the runner and the apps write
    /// <c>&lt;name&gt;.html</c> and <c>.png</c>, the name made safe as a file name) and returns it for the notebook.
    /// </summary>
    /// <param name="workshop">The notebook's workshop (<see cref="Workshop.Start()"/>): its page and its host's output.</param>
    /// <param name="chart">The chart to show and save.</param>
    /// <param name="name">File name stem, for example "rfm-heatmap"; unsafe characters become '-'.</param>
    /// <param name="style">Look and size; default <see cref="ChartStyle.Workshop"/>.</param>
    public static NotebookChart Publish(this Workshop workshop, GenericChart chart, string name, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(chart);
        _ = FileNames.Sanitize(name); // a name that makes no file name is an error in a notebook too
        style ??= ChartStyle.Workshop;
        var styled = style.Apply(chart);
        var saved = workshop.ChartOutput?.Save(styled, name, style.Width, style.Height);
        if (saved?.Warning is { } warning) Console.Error.WriteLine("warning: " + warning);
        return new NotebookChart(styled, name, workshop.Page, saved);
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
    /// Forgets that plotly.js was sent to the workshop's notebook page, so the next chart embeds it again. Call it
    /// when the output that carried plotly.js was cleared (charts then say so instead of drawing).
    /// </summary>
    public static void ResetEmbedding(this Workshop workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        workshop.Page.ForgetPlotlyJs();
    }
}

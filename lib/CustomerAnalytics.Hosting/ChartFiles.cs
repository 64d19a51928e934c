using CustomerAnalytics.Charts;
using Plotly.NET;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// The chart output of a headless host (the runner, a file-based app): each published chart becomes
/// <c>&lt;folder&gt;/&lt;name&gt;.html</c> (standalone, plotly.js inline, opens offline) and <c>&lt;name&gt;.png</c>
/// drawn by the host's <see cref="PngExporter"/>. Without chromium the PNG is skipped with a warning, never an exception.
/// </summary>
/// <param name="folder">Where the files go (created when the first chart is saved).</param>
/// <param name="png">The host's PNG exporter (one chromium for the whole run; the host disposes it); null: HTML only.</param>
public sealed class ChartFiles(string folder, PngExporter? png) : IChartOutput
{
    /// <summary>The folder the files go to.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <inheritdoc />
    /// <exception cref="ChartExportException">Chromium was found but failed (crash, timeout).</exception>
    public SavedChart Save(GenericChart chart, string name, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var stem = FileNames.Sanitize(name);
        var html = Charts.Charts.SaveHtml(chart, Path.Combine(Folder, stem + ".html"), title: name);
        if (png is null) return new SavedChart(html, null);
        var result = png.Save(chart, Path.Combine(Folder, stem + ".png"), width, height);
        return new SavedChart(html, result.Written ? result.Path : null, result.Skipped ? result.Message : null);
    }
}

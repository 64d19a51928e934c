using Plotly.NET;

namespace CustomerAnalytics;

/// <summary>
/// Where a host keeps the charts a workshop publishes (serilog-style: the library publishes, the host decides the
/// output). A notebook has none: its charts are displayed in the page. The headless runner and the file-based apps
/// supply one (CustomerAnalytics.Hosting's <c>ChartFiles</c>) that writes each chart as HTML and PNG files.
/// </summary>
public interface IChartOutput
{
    /// <summary>Keeps one published chart, already styled.</summary>
    /// <param name="chart">The chart as published (workshop style applied).</param>
    /// <param name="name">The chart's name; a file-safe stem of it names the files.</param>
    /// <param name="width">Width in pixels of a still image of the chart.</param>
    /// <param name="height">Height in pixels of a still image of the chart.</param>
    SavedChart Save(GenericChart chart, string name, int width, int height);
}

/// <summary>What an <see cref="IChartOutput"/> wrote for one chart.</summary>
/// <param name="HtmlPath">The standalone HTML page, if one was written.</param>
/// <param name="PngPath">The PNG, if one was written.</param>
/// <param name="Warning">Why a file was skipped (for example no chromium for the PNG), with the fix; null when nothing was.</param>
public sealed record SavedChart(string? HtmlPath, string? PngPath, string? Warning = null);

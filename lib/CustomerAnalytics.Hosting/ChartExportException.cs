using CustomerAnalytics.Charts;
namespace CustomerAnalytics.Hosting;

/// <summary>
/// A chart could not be exported to an image although a browser was found: chromium failed to
/// start, crashed, or did not finish in time. The message names the browser and ends with the
/// last lines chromium wrote to stderr, which usually say what went wrong.
/// </summary>
public sealed class ChartExportException : WorkshopException
{
    /// <summary>The chromium executable that was used.</summary>
    public string ChromiumPath { get; }

    /// <summary>The last lines chromium wrote to stderr (may be empty).</summary>
    public string StderrTail { get; }

    /// <summary>Creates the exception; <paramref name="problem"/> says what failed and what to try.</summary>
    public ChartExportException(string problem, string chromiumPath, string stderrTail, Exception? inner = null)
        : base(Compose(problem, chromiumPath, stderrTail), inner)
    {
        ChromiumPath = chromiumPath;
        StderrTail = stderrTail;
    }

    private static string Compose(string problem, string chromiumPath, string stderrTail) =>
        $"{problem}\nChromium: {chromiumPath}\n" +
        (string.IsNullOrWhiteSpace(stderrTail) ? "Chromium wrote nothing to stderr." : $"Chromium stderr (last lines):\n{stderrTail}");
}

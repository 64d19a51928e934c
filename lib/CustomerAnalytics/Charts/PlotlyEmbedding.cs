namespace CustomerAnalytics.Charts;

/// <summary>
/// Remembers whether plotly.js was already sent to the notebook page. A kernel is one process,
/// and all outputs of one notebook share one page, so a static flag is the right scope.
/// </summary>
/// <remarks>
/// The flag is keyed by the page (the workshop's output folder): the headless runner executes several
/// notebooks in one process, each with its own output folder, so each notebook's first chart
/// carries plotly.js again without the runner having to remember to reset.
/// </remarks>
internal static class PlotlyEmbedding
{
    private static readonly object Gate = new();
    private static bool embedded;
    private static string? embeddedFor;

    /// <summary>True exactly once per page: the caller must include plotly.js in its output.</summary>
    public static bool Claim(string page)
    {
        lock (Gate)
        {
            if (embedded && embeddedFor == page) return false;
            embedded = true;
            embeddedFor = page;
            return true;
        }
    }

    /// <summary>Forget that plotly.js was sent; the next rendered chart embeds it again.</summary>
    public static void Reset()
    {
        lock (Gate) { embedded = false; embeddedFor = null; }
    }
}

namespace CustomerAnalytics.Display;

/// <summary>
/// One notebook page (all outputs of one kernel session): remembers whether plotly.js was already sent to it, so it
/// is embedded in the first chart rendered there and nowhere else. Each <see cref="Workshop"/> owns its page, so two
/// notebooks run one after the other in one process (the headless runner) each get plotly.js in their first chart.
/// </summary>
public sealed class NotebookPage
{
    private readonly Lock gate = new();
    private bool plotlyJsSent;

    /// <summary>True exactly once (until <see cref="ForgetPlotlyJs"/>): the caller must include plotly.js in its output.</summary>
    public bool ClaimPlotlyJs()
    {
        lock (gate)
        {
            if (plotlyJsSent) return false;
            plotlyJsSent = true;
            return true;
        }
    }

    /// <summary>Forgets that plotly.js was sent (its output was cleared): the next rendered chart embeds it again.</summary>
    public void ForgetPlotlyJs()
    {
        lock (gate) plotlyJsSent = false;
    }
}

namespace CustomerAnalytics.Charts;

/// <summary>
/// The text inside a chart's box until its script draws the chart. It shows wherever the script
/// does not run: in JupyterLab, classic Notebook and VS Code when the notebook is not trusted (they
/// sanitise untrusted output: scripts removed, plain tags kept), and on GitHub or other static viewers.
/// </summary>
/// <remarks>
/// Both readers see the same text, so each case is addressed by name. Telling them apart without
/// JavaScript would rest on two sanitisers' allow-lists (JupyterLab keeps <c>style</c> and <c>hidden</c>;
/// GitHub's is not published), and a wrong guess would hide the advice where it is needed. The text uses
/// only tags both keep (p, b, i, code).
/// </remarks>
internal static class ChartPlaceholder
{
    /// <summary>The placeholder's HTML (inline content of a paragraph).</summary>
    public const string Html =
        "Interactive chart, drawn by JavaScript. " +
        "<b>In Jupyter or VS Code</b> this text means the notebook is not trusted, so its saved charts are not drawn: " +
        "run the cell again, or trust the notebook (JupyterLab: command palette, <i>Trust Notebook</i>; classic Notebook: " +
        "<i>File &gt; Trust Notebook</i>; or <code>jupyter trust NOTEBOOK.ipynb</code> in a terminal, then reopen it; " +
        "VS Code: trust the folder). " +
        "<b>On GitHub and other static viewers</b>: the chart appears when the notebook runs in Jupyter or VS Code (it needs JavaScript).";
}

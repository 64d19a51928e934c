using System.Text.RegularExpressions;
using CustomerAnalytics.Charts;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;
using ChartsApi = CustomerAnalytics.Charts.Charts;

namespace CustomerAnalytics.Tests.Charts;

public sealed class ChartPlaceholderTests
{
    private readonly Workshop _workshop = RunIn(null); // its own notebook page: no state shared with other tests

    // What an untrusted notebook shows: JupyterLab's sanitiser drops script elements (and ids), keeps p/b/i/code.
    private static string AsUntrustedJupyterShowsIt(string html) =>
        Regex.Replace(Regex.Replace(html, "<script[^>]*>.*?</script>", "", RegexOptions.Singleline), " id=\"[^\"]*\"", "");

    private static string VisibleText(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));

    private string SecondChartHtml()
    {
        _workshop.ResetEmbedding();
        _ = _workshop.Show(BarChart()).ToHtml(); // the first carries 3.6 MB of plotly.js
        return _workshop.Show(BarChart()).ToHtml();
    }

    [Fact]
    public void InJupyterOrVsCodeThePlaceholderSaysTheNotebookIsNotTrustedAndHowToFixIt()
    {
        var text = VisibleText(AsUntrustedJupyterShowsIt(SecondChartHtml()));

        Assert.Contains("In Jupyter or VS Code this text means the notebook is not trusted", text);
        Assert.Contains("run the cell again, or trust the notebook", text);
        Assert.Contains("Trust Notebook", text);
        Assert.Contains("File > Trust Notebook", text);
        Assert.Contains("jupyter trust NOTEBOOK.ipynb", text);
    }

    [Fact]
    public void OnStaticViewersThePlaceholderStillSaysWhatItSaidBefore()
    {
        var text = VisibleText(AsUntrustedJupyterShowsIt(SecondChartHtml()));
        Assert.Contains("On GitHub and other static viewers: the chart appears when the notebook runs in Jupyter or VS Code (it needs JavaScript).", text);
    }

    [Fact]
    public void ThePlaceholderSitsInTheChartBoxTheScriptEmptiesAndUsesOnlyTagsSanitisersKeep()
    {
        var html = SecondChartHtml();
        var box = Regex.Match(html, "<div id=\"(ca-chart-[0-9a-f]{32})\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(box.Success, "no chart box");
        Assert.Contains("not trusted", box.Groups[2].Value);
        Assert.Contains("el.innerHTML = \"\"; window.Plotly.newPlot(el", html); // drawn charts replace the text
        var tags = Regex.Matches(box.Groups[2].Value, "</?([a-z]+)").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(new HashSet<string> { "p", "b", "i", "code" }, tags);
    }
}

using CustomerAnalytics.Charts;
using Plotly.NET.CSharp;

namespace CustomerAnalytics.Tests.Charts;

public class ChartDashboardTests
{
    [Fact]
    public void WritesOnePageWithPlotlyJsOnceAndEveryChart()
    {
        var charts = new[] { "first", "second", "third" }
            .Select(n => CustomerAnalytics.Charts.Charts.Publish(ChartTestSupport.RunIn(null), Chart.Column<int, string, string>(new[] { 1, 2 }, Keys: new[] { "a", "b" }), n)).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.html");
        try
        {
            ChartDashboard.Save(path, "Segments <test>", charts, "<table><tr><td>intro</td></tr></table>");
            var html = File.ReadAllText(path);
            Assert.Equal(1, html.Split("embedded by CustomerAnalytics.Charts").Length - 1);
            Assert.Equal(3, html.Split("Plotly.newPlot(el").Length - 1);
            Assert.Contains("<h1>Segments &lt;test&gt;</h1>", html);
            Assert.Contains("<h2>second</h2>", html);
            Assert.Contains("<td>intro</td>", html);
        }
        finally { File.Delete(path); }
    }
}

using CustomerAnalytics.Charts;
using Plotly.NET;
using static CustomerAnalytics.Tests.Charts.ChartTestSupport;

namespace CustomerAnalytics.Tests.Charts;

public sealed class ChartExtensionsTests
{
    [Fact]
    public void WithTitleSetsTheLayoutTitle()
    {
        var json = GenericChart.toJson(BarChart().WithTitle("Customers per segment"));
        Assert.Contains("\"title\":{\"text\":\"Customers per segment\"}", json);
    }

    [Fact]
    public void TitleSurvivesWorkshopStyling()
    {
        var json = GenericChart.toJson(ChartStyle.Workshop.Apply(BarChart().WithTitle("Kept")));
        Assert.Contains("\"text\":\"Kept\"", json);
    }
}

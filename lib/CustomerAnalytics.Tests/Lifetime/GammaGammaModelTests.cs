using CustomerAnalytics.Lifetime.Models;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>Gamma-Gamma expectations, shrinkage and refused inputs.</summary>
public sealed class GammaGammaModelTests
{
    private static readonly GammaGammaModel Published = new(6.25, 3.74, 15.44);

    [Fact]
    public void A_customers_expected_spend_lies_between_their_average_and_the_mean_and_nears_it_with_purchases()
    {
        double mean = Published.MeanSpend;
        Assert.Equal(6.25 * 15.44 / 2.74, mean, 10);
        double few = Published.ConditionalExpectedSpend(1, 100), many = Published.ConditionalExpectedSpend(20, 100);
        Assert.InRange(few, mean, 100);
        Assert.InRange(many, few, 100);
        Assert.Equal(mean, Published.ConditionalExpectedSpend(0, 0));
    }

    [Fact]
    public void One_time_buyers_and_spend_that_is_not_positive_are_refused_with_counts()
    {
        Assert.Contains("1 of 3 customers have no repeat purchase",
            Assert.Throws<LifetimeModelException>(() => GammaGammaModel.Fit([new("a", 1, 10), new("b", 0, 10), new("c", 2, 5)])).Message);
        Assert.Contains("1 of 3 customers have an average spend that is not positive (for example customer c: 0)",
            Assert.Throws<LifetimeModelException>(() => GammaGammaModel.Fit([new("a", 1, 10), new("b", 3, 10), new("c", 2, 0)])).Message);
    }

    [Fact]
    public void The_fit_reports_the_frequency_spend_correlation_and_ignores_order()
    {
        var spends = CdnowSample.RepeatSpends();
        var model = GammaGammaModel.Fit(spends);
        Assert.InRange(model.FrequencySpendCorrelation, -0.3, 0.3);
        var reordered = GammaGammaModel.Fit(spends.Reverse().ToArray());
        Assert.Equal((model.P, model.Q, model.Gamma), (reordered.P, reordered.Q, reordered.Gamma));
    }
}

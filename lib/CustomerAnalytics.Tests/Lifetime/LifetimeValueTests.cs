using CustomerAnalytics.Lifetime.Data;
using CustomerAnalytics.Lifetime.Models;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>Lifetime value: undiscounted it is expected purchases times expected spend; discounting and silence lower it.</summary>
public sealed class LifetimeValueTests
{
    private static readonly BgNbdModel Purchases = new(0.243, 4.414, 0.793, 2.426, TimeUnit.Weeks);
    private static readonly GammaGammaModel Spend = new(6.25, 3.74, 15.44);
    private static readonly CustomerHistory Customer = new("c", 3, 30, 38);

    [Fact]
    public void Without_discount_the_value_is_expected_purchases_times_expected_spend()
    {
        var value = LifetimeValue.Of(Purchases, Spend, Customer, 40, new ClvHorizon(13, 4, TimeUnit.Weeks, 0));
        double purchases = Purchases.ConditionalExpectedPurchases(Customer, 52, TimeUnit.Weeks);
        Assert.Equal(purchases, value.ExpectedPurchases, 12);
        Assert.Equal(purchases * Spend.ConditionalExpectedSpend(3, 40), value.Value, 9);
        Assert.Equal(Purchases.ProbabilityAlive(Customer), value.ProbabilityAlive);
    }

    [Fact]
    public void The_same_horizon_in_days_gives_the_same_value_and_discounting_lowers_it()
    {
        var weeks = LifetimeValue.Of(Purchases, Spend, Customer, 40, new ClvHorizon(13, 4, TimeUnit.Weeks, 0.01));
        var days = LifetimeValue.Of(Purchases, Spend, Customer, 40, new ClvHorizon(13, 28, TimeUnit.Days, 0.01));
        Assert.Equal(weeks.Value, days.Value, 9);
        Assert.True(weeks.Value < LifetimeValue.Of(Purchases, Spend, Customer, 40, new ClvHorizon(13, 4, TimeUnit.Weeks, 0)).Value);
        var silent = LifetimeValue.Of(Purchases, Spend, Customer with { Recency = 5 }, 40, new ClvHorizon(13, 4, TimeUnit.Weeks, 0.01));
        Assert.True(silent.Value < weeks.Value / 2);
    }

    [Fact]
    public void A_one_time_buyer_is_valued_at_the_mean_purchase_and_bad_horizons_are_named()
    {
        var oneTime = LifetimeValue.Of(Purchases, Spend, new CustomerHistory("n", 0, 0, 20), double.NaN, new ClvHorizon(13, 4, TimeUnit.Weeks, 0));
        Assert.Equal(Spend.MeanSpend, oneTime.ExpectedSpend, 12);
        Assert.Contains("0 periods", Assert.Throws<LifetimeModelException>(() => LifetimeValue.Of(Purchases, Spend, Customer, 40, new ClvHorizon(0, 4, TimeUnit.Weeks, 0))).Message);
        Assert.Contains("discount rate of -1", Assert.Throws<LifetimeModelException>(() => LifetimeValue.Of(Purchases, Spend, Customer, 40, new ClvHorizon(3, 4, TimeUnit.Weeks, -1))).Message);
    }
}

using CustomerAnalytics.Lifetime.Data;
using CustomerAnalytics.Lifetime.Models;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>BG/NBD predictions, units, order independence and refused inputs.</summary>
public sealed class BgNbdModelTests
{
    // The published CDNOW parameters (weeks).
    private static readonly BgNbdModel Published = new(0.243, 4.414, 0.793, 2.426, TimeUnit.Weeks);

    [Fact]
    public void The_papers_example_customer_expects_1_226_purchases_in_39_weeks()
    {
        // Fader, Hardie and Lee (2005), section 5: x = 2, t_x = 30.43, T = 38.86.
        var customer = new CustomerHistory("example", 2, 30.43, 38.86);
        Assert.Equal(1.226, Published.ConditionalExpectedPurchases(customer, 39, TimeUnit.Weeks), 3);
    }

    [Fact]
    public void Horizons_in_days_and_weeks_give_the_same_answer()
    {
        var customer = new CustomerHistory("c", 3, 20, 35);
        Assert.Equal(Published.ConditionalExpectedPurchases(customer, 39, TimeUnit.Weeks), Published.ConditionalExpectedPurchases(customer, 273, TimeUnit.Days), 12);
        Assert.Equal(Published.ExpectedPurchases(52, TimeUnit.Weeks), Published.ExpectedPurchases(364, TimeUnit.Days), 12);
        Assert.Equal(0, Published.ExpectedPurchases(0, TimeUnit.Weeks));
    }

    [Fact]
    public void P_alive_is_one_without_repeat_purchases_and_falls_with_silence()
    {
        Assert.Equal(1, Published.ProbabilityAlive(new CustomerHistory("new", 0, 0, 30)));
        double recent = Published.ProbabilityAlive(new CustomerHistory("a", 4, 35, 38));
        double silent = Published.ProbabilityAlive(new CustomerHistory("b", 4, 10, 38));
        Assert.InRange(recent, 0.5, 1);
        Assert.True(silent < recent / 2, $"P(alive) after 28 silent weeks {silent:F3} should be far below {recent:F3}");
    }

    [Fact]
    public void The_fit_does_not_depend_on_the_order_of_customers_or_their_ids()
    {
        var histories = CdnowSample.Histories();
        var reordered = histories.Reverse().Select((h, i) => h with { CustomerId = $"other-{i}" }).ToArray();
        var a = BgNbdModel.Fit(histories, TimeUnit.Weeks);
        var b = BgNbdModel.Fit(reordered, TimeUnit.Weeks);
        Assert.Equal((a.R, a.Alpha, a.A, a.B, a.LogLikelihood), (b.R, b.Alpha, b.A, b.B, b.LogLikelihood));
    }

    [Fact]
    public void The_holdout_forecast_follows_what_customers_really_bought()
    {
        var model = BgNbdModel.Fit(CdnowSample.Histories(), TimeUnit.Weeks);
        double expected = CdnowSample.Histories().Sum(h => model.ConditionalExpectedPurchases(h, 39, TimeUnit.Weeks));
        int actual = CdnowSample.PurchaseDays().Values.Sum(days => days.Count(d => d.Day > CdnowSample.CalibrationEnd && d.Day <= CdnowSample.CalibrationEnd.AddDays(273)));
        // 1,882 repeat purchase days in the holdout year; the fitted model expects about 12% fewer, while a wrong
        // formula (a units slip, a missing P(alive)) is far off.
        Assert.InRange(expected / actual, 0.8, 1.0);
        Assert.Equal(1882, actual);
    }

    [Fact]
    public void Impossible_or_uninformative_data_is_refused_with_the_reason()
    {
        Assert.Contains("None of the 2 customers made a repeat purchase",
            Assert.Throws<LifetimeModelException>(() => BgNbdModel.Fit([new("a", 0, 0, 10), new("b", 0, 0, 12)], TimeUnit.Weeks)).Message);
        Assert.Contains("customer b has a recency (t_x) outside 0..T",
            Assert.Throws<LifetimeModelException>(() => BgNbdModel.Fit([new("a", 1, 2, 10), new("b", 1, 12, 10)], TimeUnit.Weeks)).Message);
        Assert.Contains("Customer a appears 2 times",
            Assert.Throws<LifetimeModelException>(() => BgNbdModel.Fit([new("a", 1, 2, 10), new("a", 0, 0, 10)], TimeUnit.Weeks)).Message);
        Assert.Contains("repeat purchases with recency 0",
            Assert.Throws<LifetimeModelException>(() => Published.ProbabilityAlive(new CustomerHistory("z", 2, 0, 10))).Message);
    }
}

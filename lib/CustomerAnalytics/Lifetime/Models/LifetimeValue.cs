using CustomerAnalytics.Lifetime.Data;

namespace CustomerAnalytics.Lifetime.Models;

/// <summary>
/// Customer lifetime value from the two models: each period's expected purchases (BG/NBD, conditional on the
/// customer's history) times the expected value of a purchase (Gamma-Gamma, conditional on their average spend),
/// discounted period by period.
/// </summary>
public static class LifetimeValue
{
    /// <summary>
    /// The value of <paramref name="customer"/>, whose repeat purchases averaged <paramref name="averageSpend"/>
    /// (ignored when they made none: the model's mean purchase value is used).
    /// </summary>
    public static CustomerValue Of(BgNbdModel purchases, GammaGammaModel spend, CustomerHistory customer, double averageSpend, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(horizon);
        if (horizon.Problem() is { } problem) throw new LifetimeModelException($"The lifetime-value horizon has {problem}.");
        double expectedSpend = spend.ConditionalExpectedSpend(customer.Frequency, customer.Frequency == 0 ? 0 : averageSpend);
        double value = 0, previous = 0;
        for (int i = 1; i <= horizon.Periods; i++)
        {
            double cumulative = purchases.ConditionalExpectedPurchases(customer, i * horizon.PeriodLength, horizon.Unit);
            value += (cumulative - previous) * expectedSpend / Math.Pow(1 + horizon.DiscountRatePerPeriod, i);
            previous = cumulative;
        }
        return new CustomerValue(customer.CustomerId, purchases.ProbabilityAlive(customer), previous, expectedSpend, value);
    }
}

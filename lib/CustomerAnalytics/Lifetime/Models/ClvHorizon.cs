using CustomerAnalytics.Lifetime.Data;

namespace CustomerAnalytics.Lifetime.Models;

/// <summary>
/// Over what future a lifetime value is summed, and how later money is discounted: <see cref="Periods"/> periods of
/// <see cref="PeriodLength"/> <see cref="Unit"/> each, every period's expected spend divided by (1 + rate)^i.
/// For example 12 periods of 4 weeks at 1% a period is a year at about 12.7% a year.
/// </summary>
public sealed record ClvHorizon(int Periods, double PeriodLength, TimeUnit Unit, double DiscountRatePerPeriod)
{
    /// <summary>Why the horizon is unusable, or null.</summary>
    public string? Problem() =>
        Periods < 1 ? $"{Periods} periods (at least 1)"
        : !(PeriodLength > 0) ? $"a period length of {PeriodLength} (more than 0)"
        : !(DiscountRatePerPeriod > -1) ? $"a discount rate of {DiscountRatePerPeriod} a period (more than -1; 0.01 is 1%)"
        : null;
}

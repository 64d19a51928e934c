namespace CustomerAnalytics.Lifetime.Models;

/// <summary>How a lifetime model is fitted.</summary>
public sealed record LifetimeFitOptions
{
    /// <summary>
    /// L2 penalty on the parameters (0 = plain maximum likelihood, as the published figures). A small value (0.001-0.1)
    /// keeps a fit on data with few repeat buyers away from extreme parameters, at the price of a small bias.
    /// </summary>
    public double Penalty { get; init; }

    /// <summary>Relative change of the objective below which the optimiser stops.</summary>
    public double Tolerance { get; init; } = 1e-13;
}

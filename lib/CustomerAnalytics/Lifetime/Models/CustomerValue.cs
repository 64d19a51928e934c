namespace CustomerAnalytics.Lifetime.Models;

/// <summary>One customer's lifetime value and its parts.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ProbabilityAlive">P(alive) at the end of calibration.</param>
/// <param name="ExpectedPurchases">Undiscounted expected purchases over the whole horizon.</param>
/// <param name="ExpectedSpend">Expected value of each future purchase (Gamma-Gamma).</param>
/// <param name="Value">The discounted sum of each period's expected purchases times the expected spend.</param>
public sealed record CustomerValue(string CustomerId, double ProbabilityAlive, double ExpectedPurchases, double ExpectedSpend, double Value);

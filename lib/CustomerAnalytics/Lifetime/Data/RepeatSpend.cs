namespace CustomerAnalytics.Lifetime.Data;

/// <summary>A repeat customer's spend for the Gamma-Gamma model: repeat purchases (x ≥ 1) and their average value (> 0).</summary>
public sealed record RepeatSpend(string CustomerId, int Frequency, double AverageSpend);

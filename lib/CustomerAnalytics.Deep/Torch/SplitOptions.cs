namespace CustomerAnalytics.Torch;

/// <summary>Validation and test shares of a <see cref="DataSplit"/> (the rest trains) and the seed of its shuffle.</summary>
public sealed record SplitOptions
{
    /// <summary>Share for validation: early stopping and the grid search (default 0.15).</summary>
    public double Validation { get; init; } = 0.15;
    /// <summary>Share for the final test (default 0.15).</summary>
    public double Test { get; init; } = 0.15;
    /// <summary>Seed of the shuffle.</summary>
    public int Seed { get; init; } = 42;
}

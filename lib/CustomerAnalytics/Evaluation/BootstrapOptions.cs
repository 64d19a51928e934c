namespace CustomerAnalytics.Evaluation;

/// <summary>How a bootstrap interval is drawn: the number of resamples, the seed and the confidence level.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Resamples drawn (1,000 gives stable 95% bounds to about two decimals).</summary>
    public int Resamples { get; init; } = 1000;
    /// <summary>Seed of the resampling: the same seed gives the same interval.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Confidence level of the interval.</summary>
    public double Level { get; init; } = 0.95;
}

namespace CustomerAnalytics.SampleData;

/// <summary>
/// Settings for <see cref="LifetimeSimulator"/>: the BG/NBD and Gamma-Gamma parameters that make the customers (the
/// defaults are the published CDNOW fits, in weeks) and the calendar they buy in.
/// </summary>
public sealed record LifetimeSimulationOptions
{
    /// <summary>Seed of every draw.</summary>
    public int Seed { get; init; } = 1997;
    /// <summary>Customers to simulate.</summary>
    public int Customers { get; init; } = 10_000;
    /// <summary>BG/NBD: purchase rates λ ~ Gamma(shape R, rate Alpha) per week.</summary>
    public double R { get; init; } = 0.243;
    /// <inheritdoc cref="R"/>
    public double Alpha { get; init; } = 4.414;
    /// <summary>BG/NBD: dropout probabilities p ~ Beta(A, B) after each repeat purchase.</summary>
    public double A { get; init; } = 0.793;
    /// <inheritdoc cref="A"/>
    public double B { get; init; } = 2.426;
    /// <summary>Gamma-Gamma: each purchase worth Gamma(shape P, rate ν), with ν ~ Gamma(shape Q, rate Gamma).</summary>
    public double P { get; init; } = 6.25;
    /// <inheritdoc cref="P"/>
    public double Q { get; init; } = 3.74;
    /// <inheritdoc cref="P"/>
    public double Gamma { get; init; } = 15.44;
    /// <summary>First purchases fall uniformly in the first this many weeks (CDNOW's cohort: a quarter).</summary>
    public double BirthWeeks { get; init; } = 12;
    /// <summary>Weeks of calibration from the start, then the same again as holdout.</summary>
    public double CalibrationWeeks { get; init; } = 39;
}

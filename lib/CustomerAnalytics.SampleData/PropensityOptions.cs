namespace CustomerAnalytics.SampleData;

/// <summary>Settings for <see cref="PropensityGenerator"/>. The defaults make the committed sample.</summary>
public sealed record PropensityOptions
{
    /// <summary>Seed of every random draw; the same seed gives byte-identical files.</summary>
    public int Seed { get; init; } = 455;

    /// <summary>Number of sessions (rows). The real training_sample.csv has 455,401.</summary>
    public int Sessions { get; init; } = 12_000;

    /// <summary>Shares of mobile, computer and tablet sessions.</summary>
    public IReadOnlyList<double> DeviceShares { get; init; } = [0.68, 0.19, 0.13];

    /// <summary>How the features are drawn, in drawing order (every feature except the three device columns).</summary>
    public IReadOnlyList<PropensityFeatureRule> FeatureRules { get; init; } = PropensityGenerator.DefaultFeatureRules;

    /// <summary>The true label model.</summary>
    public PropensityModel Model { get; init; } = PropensityModel.Default;
}

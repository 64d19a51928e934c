namespace CustomerAnalytics.SampleData;

/// <summary>Settings for <see cref="JourneyGenerator"/>. The defaults make the committed sample.</summary>
public sealed record JourneyOptions
{
    /// <summary>Seed of every random draw; the same seed gives byte-identical files.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Number of journeys (lines, one per customer).</summary>
    public int Journeys { get; init; } = 5_000;

    /// <summary>The true process.</summary>
    public JourneyModel Model { get; init; } = JourneyModel.Default;

    /// <summary>Journeys simulated (with their own seed stream) to estimate the best achievable accuracies;
    /// each contributes its exact Bayes accuracy, so the estimate's error is small (about 0.001 at 200,000).</summary>
    public int MonteCarloJourneys { get; init; } = 200_000;
}

using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>The committed propensity sample, loaded once for all tests.</summary>
internal static class PropensitySample
{
    public static string Path => System.IO.Path.Combine(RepositoryPaths.Data, "propensity", "training_sample.csv");
    public static string TruthPath => System.IO.Path.Combine(RepositoryPaths.Data, "truth", "propensity_true_probability.csv");

    private static readonly Lazy<IReadOnlyList<SessionRecord>> sessions = new(() => DatasetLoader.LoadPropensity(Path).Sessions);
    public static IReadOnlyList<SessionRecord> Sessions => sessions.Value;

    /// <summary>The generator's true probability of a session (the ideal model's score).</summary>
    public static double TrueProbability(SessionRecord s) =>
        PropensityModel.Default.Probability(s.ToFeatureVector().Select(v => (int)v).ToArray());
}

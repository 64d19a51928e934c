using CustomerAnalytics.Data;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>Makes monitoring batches: rows sampled from held-out data, and optionally
/// some features replaced with noise (the data an upstream bug or a site change would send).</summary>
public static class DriftInjection
{
    /// <summary><paramref name="rows"/> sessions drawn with replacement from <paramref name="sessions"/> (same distribution, no drift).</summary>
    public static IReadOnlyList<SessionRecord> Sample(IReadOnlyList<SessionRecord> sessions, int rows, int seed)
    {
        if (sessions.Count == 0) throw new PropensityInputException("Cannot sample a batch from no sessions.");
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ => sessions[random.Next(sessions.Count)]).ToArray();
    }

    /// <summary>A copy of <paramref name="sessions"/> with each named feature replaced by random 0/1 noise
    /// (1 with probability <paramref name="noiseRate"/>, independent of everything else).</summary>
    /// <exception cref="PropensityInputException">A name is not one of the 23 features.</exception>
    public static IReadOnlyList<SessionRecord> ReplaceWithNoise(IReadOnlyList<SessionRecord> sessions, IReadOnlyList<string> features, int seed, double noiseRate = 0.5)
    {
        var indexes = features.Select(SessionFeatures.IndexOf).ToArray();
        var random = new Random(seed);
        return sessions.Select(s =>
        {
            var copy = s;
            foreach (var f in indexes) copy = SessionFeatures.With(copy, f, random.NextDouble() < noiseRate);
            return copy;
        }).ToArray();
    }

    /// <summary>
    /// The model inputs of <paramref name="sessions"/> with each named feature replaced by <c>Scale</c> · N(0, 1), a
    /// normal draw (seeded), as the original workshop drifted its test traffic (<c>basket_add_list</c> by N(0,1),
    /// <c>loc_uk</c> by 3·N(0,1)): numbers a 0/1 flag never takes, what a broken upstream job would send.
    /// </summary>
    /// <exception cref="PropensityInputException">A name is not one of the 23 features.</exception>
    public static IReadOnlyList<SessionInput> ReplaceWithGaussian(IReadOnlyList<SessionRecord> sessions,
        IReadOnlyList<(string Feature, double Scale)> replaced, int seed)
    {
        var indexes = replaced.Select(r => (Index: SessionFeatures.IndexOf(r.Feature), r.Scale)).ToArray();
        var random = new Random(seed);
        return sessions.Select(s =>
        {
            var row = SessionInput.From(s);
            foreach (var (index, scale) in indexes) row.Features[index] = (float)(scale * StandardNormal(random));
            return row;
        }).ToArray();
    }

    // Box-Muller: two uniform draws give one standard normal one; 1 - u keeps the logarithm finite.
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

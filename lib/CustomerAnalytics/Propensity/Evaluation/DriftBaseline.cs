using System.Globalization;
using System.Text.Json;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// What "normal" looks like, taken from the training data (SageMaker Model Monitor's baseline): each feature's rate
/// of 1s, and the distribution of the model's scores as shares of ten bins cut at the training scores' deciles.
/// Saved as JSON next to the model, so a monitoring job needs neither the training data nor this notebook.
/// </summary>
/// <param name="Sessions">Sessions the baseline was computed from.</param>
/// <param name="Features">Feature names, in vector order.</param>
/// <param name="FeatureOnes">Count of 1s of each feature.</param>
/// <param name="ScoreEdges">Inner bin edges of the score distribution (ascending, distinct).</param>
/// <param name="ScoreShares">Share of baseline scores in each bin (one more than the edges).</param>
/// <param name="Scores">The baseline scores, for the Kolmogorov-Smirnov test.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record DriftBaseline(int Sessions, IReadOnlyList<string> Features, IReadOnlyList<long> FeatureOnes,
    IReadOnlyList<double> ScoreEdges, IReadOnlyList<double> ScoreShares, IReadOnlyList<double> Scores) : IHtmlRenderable
{
    /// <summary>Builds the baseline from the training sessions and the model's scores of them.</summary>
    public static DriftBaseline Create(IReadOnlyList<SessionRecord> sessions, IReadOnlyList<double> scores, int scoreBins = 10)
    {
        if (sessions.Count == 0) throw new PropensityInputException("A baseline needs at least one session.");
        if (sessions.Count != scores.Count)
            throw new PropensityInputException($"{sessions.Count:N0} sessions but {scores.Count:N0} scores: score the same sessions the baseline describes.");
        var ones = new long[SessionFeatures.Names.Count];
        foreach (var s in sessions)
        {
            var v = s.ToFeatureVector();
            for (int f = 0; f < ones.Length; f++) ones[f] += (long)v[f];
        }
        var sorted = scores.Order().ToArray();
        // Deciles of the training scores; scores are discrete (23 binary inputs), so equal edges collapse into one.
        var edges = Enumerable.Range(1, scoreBins - 1).Select(q => sorted[(int)((long)q * sorted.Length / scoreBins)])
            .Distinct().Order().ToArray();
        return new DriftBaseline(sessions.Count, SessionFeatures.Names.ToArray(), ones, edges, Shares(scores, edges), scores.ToArray());
    }

    /// <summary>Rate of 1s of each feature.</summary>
    public IReadOnlyList<double> FeatureRates => FeatureOnes.Select(o => (double)o / Sessions).ToArray();

    /// <summary>Shares of <paramref name="scores"/> in the baseline's score bins (a score equal to an edge goes to the upper bin).</summary>
    public IReadOnlyList<double> ScoreSharesOf(IReadOnlyList<double> scores) => Shares(scores, ScoreEdges);

    private static double[] Shares(IReadOnlyList<double> scores, IReadOnlyList<double> edges)
    {
        var counts = new double[edges.Count + 1];
        foreach (var s in scores)
        {
            int bin = 0;
            while (bin < edges.Count && s >= edges[bin]) bin++;
            counts[bin]++;
        }
        return counts.Select(c => scores.Count == 0 ? 0 : c / scores.Count).ToArray();
    }

    /// <summary>Writes the baseline as JSON; returns the full path.</summary>
    public string Save(string path)
    {
        return AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
    }

    /// <summary>Reads a baseline written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing or not a baseline.</exception>
    public static DriftBaseline Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ModelFileException($"No drift baseline at {full}: create one with DriftBaseline.Create(...).Save(path).", full);
        try
        {
            return JsonSerializer.Deserialize<DriftBaseline>(File.ReadAllText(full), JsonOptions)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{full} is not a drift baseline ({e.Message}).", full, e);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["feature", "rate of 1s"],
        Features.Select((f, i) => new object?[] { f, FeatureRates[i].ToString("P2", CultureInfo.InvariantCulture) }),
        string.Create(CultureInfo.InvariantCulture, $"Baseline of {Sessions:N0} training sessions ({ScoreShares.Count} score bins)"));
}

using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>What a set of journeys looks like before modelling: tokens, lengths and the most common paths.</summary>
/// <param name="Journeys">Number of journeys.</param>
/// <param name="TokenCounts">Every touchpoint with its count (inputs and targets), most frequent first.</param>
/// <param name="InputLengths">Input length -> number of journeys.</param>
/// <param name="TargetLengths">Target length -> number of journeys.</param>
/// <param name="TopPaths">The most common paths of <see cref="PathLength"/> consecutive input touchpoints, with counts.</param>
/// <param name="PathLength">Touchpoints per path.</param>
/// <param name="ConversionToken">Token that marks a conversion.</param>
/// <param name="ConversionRate">Share of journeys whose target contains it.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record JourneySummary(int Journeys, IReadOnlyList<(string Token, int Count)> TokenCounts, IReadOnlyList<(int Length, int Count)> InputLengths,
    IReadOnlyList<(int Length, int Count)> TargetLengths, IReadOnlyList<(string Path, int Count)> TopPaths, int PathLength, string ConversionToken, double ConversionRate) : IHtmlRenderable
{
    /// <summary>Summarises <paramref name="journeys"/>.</summary>
    public static JourneySummary Describe(IReadOnlyList<JourneyRecord> journeys, int pathLength = 3, int topPaths = 15, string conversionToken = "visit")
    {
        var tokens = journeys.SelectMany(j => j.Input.Concat(j.Target)).GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToArray();
        static (int, int)[] Histogram(IEnumerable<int> values) => values.GroupBy(v => v).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key).ToArray();
        var paths = journeys.SelectMany(j => Enumerable.Range(0, Math.Max(0, j.Input.Count - pathLength + 1)).Select(i => string.Join(" > ", j.Input.Skip(i).Take(pathLength))))
            .GroupBy(p => p, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(topPaths).ToArray();
        double rate = journeys.Count == 0 ? 0 : journeys.Count(j => j.Target.Contains(conversionToken)) / (double)journeys.Count;
        return new JourneySummary(journeys.Count, tokens, Histogram(journeys.Select(j => j.Input.Count)), Histogram(journeys.Select(j => j.Target.Count)),
            paths, pathLength, conversionToken, rate);
    }

    /// <inheritdoc/>
    public string ToHtml() =>
        Html.Table(["journeys", "distinct touchpoints", "input length (min-max)", "target length (min-max)", $"share with '{ConversionToken}' in target"],
            [[Journeys, TokenCounts.Count, $"{InputLengths[0].Length}-{InputLengths[^1].Length}", $"{TargetLengths[0].Length}-{TargetLengths[^1].Length}",
              ConversionRate.ToString("P1", CultureInfo.InvariantCulture)]], "Journeys")
        + Html.Table(["touchpoint", "count"], TokenCounts.Select(t => new object?[] { t.Token, t.Count }), "Vocabulary");
}

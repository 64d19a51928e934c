using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// The computed answer to "which is best on this metric?": the candidate with the best estimate, and whether it is a
/// clear winner (its interval overlaps no other's). The <see cref="Sentence"/> says so in words, with every figure
/// and its interval, so a notebook prints its verdict instead of asserting one in markdown.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record Verdict(string Metric, IReadOnlyList<Candidate> Candidates, Candidate Best, bool ClearWinner, bool HigherIsBetter, string Sentence) : IHtmlRenderable
{
    /// <summary>
    /// Compares two or more candidates on one metric (names unique, intervals of the same level). The best estimate
    /// wins a tie by coming first in the list; a tie always overlaps, so it is never a clear win.
    /// </summary>
    public static Verdict Compare(string metric, IReadOnlyList<Candidate> candidates, bool higherIsBetter = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count < 2) throw new ArgumentException($"A verdict compares at least two candidates; got {candidates.Count}.", nameof(candidates));
        if (candidates.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != candidates.Count)
            throw new ArgumentException("Candidate names must be unique: " + string.Join(", ", candidates.Select(c => c.Name)), nameof(candidates));
        var levels = candidates.Where(c => !c.Value.IsExact).Select(c => c.Value.Level).Distinct().ToArray();
        if (levels.Length > 1) throw new ArgumentException("The intervals have different confidence levels: " + string.Join(", ", levels), nameof(candidates));

        var best = candidates[0];
        foreach (var c in candidates.Skip(1))
            if (higherIsBetter ? c.Value.Estimate > best.Value.Estimate : c.Value.Estimate < best.Value.Estimate) best = c;
        var overlapping = candidates.Where(c => c != best && c.Value.Overlaps(best.Value)).ToArray();
        var beaten = candidates.Where(c => c != best && !c.Value.Overlaps(best.Value)).ToArray();
        string level = (levels.Length == 1 ? levels[0] : 0.95).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
        string sentence = overlapping.Length == 0
            ? best.Value.IsExact
                ? $"On {metric}, {Describe(best)} is the clear winner: it lies outside the {level} intervals of {List(beaten)}."
                : $"On {metric}, {Describe(best)} is the clear winner: its {level} interval overlaps none of {List(beaten)}."
            : $"On {metric}, no clear winner: {Describe(best)} has the {(higherIsBetter ? "highest" : "lowest")} estimate, but its {level} interval overlaps {List(overlapping)}"
              + (beaten.Length == 0 ? "." : $"; it is clearly {(higherIsBetter ? "above" : "below")} {List(beaten)}.");
        return new Verdict(metric, candidates, best, overlapping.Length == 0, higherIsBetter, sentence);
    }

    private static string Describe(Candidate c) => $"{c.Name} ({c.Value})";

    private static string List(IReadOnlyList<Candidate> items) => items.Count switch
    {
        1 => Describe(items[0]),
        _ => string.Join(", ", items.Take(items.Count - 1).Select(Describe)) + " and " + Describe(items[^1]),
    };

    /// <inheritdoc/>
    public override string ToString() => Sentence;

    /// <inheritdoc/>
    public string ToHtml() =>
        Html.Table(["candidate", Metric, "lower", "upper"],
            Candidates.Select(c => new object?[] { c == Best ? c.Name + " (best estimate)" : c.Name, F(c.Value.Estimate), F(c.Value.Lower), F(c.Value.Upper) }))
        + $"<p>{Html.Encode(Sentence)}</p>";

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}

using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Segmentation;

/// <summary>
/// How well found clusters agree with the generator's true segments (read with
/// <see cref="TruthFiles.ReadSegments"/> from data/truth/olist_customer_segments.csv or online_retail_customer_segments.csv):
/// the adjusted Rand index and the cross-table of clusters by true segment, optionally with a baseline labelling (e.g.
/// the RFM-grid segments of workshop 01) measured the same way. (A partition's agreement, not a model's figure next
/// to a best achievable: that is <see cref="TruthComparison"/>.)
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SegmentAgreement(double AdjustedRandIndex, int Customers, int Unmatched, IReadOnlyList<string> Segments,
    IReadOnlyList<string> TrueSegments, int[,] Counts, double? BaselineAdjustedRandIndex, string? BaselineName) : IHtmlRenderable
{
    /// <summary>
    /// Compares <paramref name="scores"/> with the truth; customers missing from the truth are counted and left out.
    /// <paramref name="baseline"/> (id → label, e.g. workshop 01's RFM segment) is measured on the same customers.
    /// </summary>
    public static SegmentAgreement Compare(SegmentScores scores, IReadOnlyDictionary<string, string> truth,
        IReadOnlyDictionary<string, string>? baseline = null, string baselineName = "RFM grid segments")
    {
        var matched = Enumerable.Range(0, scores.Ids.Count).Where(i => truth.ContainsKey(scores.Ids[i])).ToArray();
        if (matched.Length == 0)
            throw new SegmentationException("None of the scored customers is in the truth file: compare with the truth of the data you clustered.");
        var found = matched.Select(i => scores.SegmentNames[scores.Clusters[i] - 1]).ToArray();
        var actual = matched.Select(i => truth[scores.Ids[i]]).ToArray();
        var trueSegments = actual.Distinct().Order().ToArray();
        var counts = new int[scores.K, trueSegments.Length];
        foreach (var i in matched) counts[scores.Clusters[i] - 1, Array.IndexOf(trueSegments, truth[scores.Ids[i]])]++;
        double? baselineAri = baseline is null ? null
            : ClusterQuality.AdjustedRandIndex(matched.Select(i => baseline.GetValueOrDefault(scores.Ids[i], "?")).ToArray(), actual);
        return new SegmentAgreement(ClusterQuality.AdjustedRandIndex(found, actual), matched.Length, scores.Ids.Count - matched.Length,
            scores.SegmentNames, trueSegments, counts, baselineAri, baseline is null ? null : baselineName);
    }

    /// <summary>
    /// One sentence for the notebook's reading of the result: this labelling's adjusted Rand index, and whether it is
    /// better than, worse than or level with (equal to two decimals) the baseline's and each of <paramref name="others"/>'.
    /// </summary>
    /// <param name="name">What was compared, e.g. "k-means at k = 4".</param>
    /// <param name="others">Other labellings of the same customers and their ARI, e.g. ("the original k = 5", 0.2).</param>
    public string Reading(string name, params (string Name, double AdjustedRandIndex)[] others)
    {
        (string Name, double Ari)[] all = BaselineAdjustedRandIndex is { } b ? [(BaselineName ?? "the baseline", b), .. others] : [.. others];
        var parts = all.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Relation(AdjustedRandIndex, o.Ari)} {o.Name} ({o.Ari:F2})")).ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{name} agrees with the true segments with an adjusted Rand index of {AdjustedRandIndex:F2}") +
               (parts.Length == 0 ? "." : $": {string.Join(", and ", parts)}.");
    }

    private static string Relation(double a, double b) =>
        Math.Round(a, 2) == Math.Round(b, 2) ? "level with" : a > b ? "better than" : "worse than";

    /// <inheritdoc />
    public override string ToString() =>
        $"Adjusted Rand index against the true segments: {AdjustedRandIndex:F3} on {Customers:N0} customers" +
        (BaselineAdjustedRandIndex is { } b ? $" ({BaselineName}: {b:F3})" : "") + (Unmatched > 0 ? $"; {Unmatched:N0} not in the truth file" : "");

    /// <inheritdoc />
    public string ToHtml() => $"<div><b>{Html.Encode(ToString())}</b>" + Html.Table(["cluster \\ true segment", .. TrueSegments],
        Segments.Select((s, c) => (object?[])[$"{c + 1} {s}", .. TrueSegments.Select((_, t) => (object?)Counts[c, t])]), "customers by found cluster and true segment") + "</div>";
}

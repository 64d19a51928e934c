using CustomerAnalytics.Display;

namespace CustomerAnalytics.Segmentation;

/// <summary>
/// Found clusters against the generator's true segments (data/truth/olist_customer_segments.csv): the adjusted
/// Rand index and the cross-table of clusters by true segment, optionally with a baseline labelling (e.g. the
/// RFM-grid segments of workshop 01) measured the same way.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record TruthComparison(double AdjustedRandIndex, int Customers, int Unmatched, IReadOnlyList<string> Segments,
    IReadOnlyList<string> TrueSegments, int[,] Counts, double? BaselineAdjustedRandIndex, string? BaselineName) : IHtmlRenderable
{
    /// <summary>Reads a truth file with header customer_unique_id,segment.</summary>
    /// <exception cref="SegmentationException">The file is missing or has another header.</exception>
    public static IReadOnlyDictionary<string, string> ReadTruth(string path)
    {
        if (!File.Exists(path))
            throw new SegmentationException($"No truth file at {Path.GetFullPath(path)}. The sample data has it in data/truth/; for your own data there is no ground truth to compare with.");
        var lines = File.ReadLines(path).ToArray();
        if (lines.Length == 0 || lines[0].Replace("\"", "").Trim() != "customer_unique_id,segment")
            throw new SegmentationException($"{path} should start with the header customer_unique_id,segment (found '{lines.FirstOrDefault()}').");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Replace("\"", "").Split(',')).ToDictionary(p => p[0], p => p[1]);
    }

    /// <summary>
    /// Compares <paramref name="scores"/> with the truth; customers missing from the truth are counted and left out.
    /// <paramref name="baseline"/> (id → label, e.g. workshop 01's RFM segment) is measured on the same customers.
    /// </summary>
    public static TruthComparison Compare(SegmentScores scores, IReadOnlyDictionary<string, string> truth,
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
        return new TruthComparison(ClusterQuality.AdjustedRandIndex(found, actual), matched.Length, scores.Ids.Count - matched.Length,
            scores.SegmentNames, trueSegments, counts, baselineAri, baseline is null ? null : baselineName);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Adjusted Rand index against the true segments: {AdjustedRandIndex:F3} on {Customers:N0} customers" +
        (BaselineAdjustedRandIndex is { } b ? $" ({BaselineName}: {b:F3})" : "") + (Unmatched > 0 ? $"; {Unmatched:N0} not in the truth file" : "");

    /// <inheritdoc />
    public string ToHtml() => $"<div><b>{Html.Encode(ToString())}</b>" + Html.Table(["cluster \\ true segment", .. TrueSegments],
        Segments.Select((s, c) => (object?[])[$"{c + 1} {s}", .. TrueSegments.Select((_, t) => (object?)Counts[c, t])]), "customers by found cluster and true segment") + "</div>";
}

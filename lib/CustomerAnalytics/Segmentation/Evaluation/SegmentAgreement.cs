using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Segmentation.Data;
using CustomerAnalytics.Segmentation.Models;

namespace CustomerAnalytics.Segmentation.Evaluation;

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
    /// Which labelling agrees best with the true segments, with its uncertainty: the adjusted Rand index of each
    /// labelling (id → label: k-means clusters, workshop 01's grid, ...) against <paramref name="truth"/>, each with a
    /// bootstrap interval over customers (the same resamples for all, drawn in the ordinal order of the ids), and
    /// <see cref="Verdict.Compare"/>'s sentence: a clear winner only when its interval overlaps no other's.
    /// Customers missing from the truth or from any labelling are left out.
    /// </summary>
    /// <exception cref="SegmentationException">Fewer than two labellings, or no customer in the truth and every labelling.</exception>
    public static Verdict AgainstTruth(IReadOnlyDictionary<string, string> truth, IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels)> labellings,
        BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(labellings);
        if (labellings.Count < 2)
            throw new SegmentationException($"Compare at least two labellings with the truth; got {labellings.Count}.");
        var ids = truth.Keys.Where(id => labellings.All(l => l.Labels.ContainsKey(id))).ToArray();
        if (ids.Length == 0)
            throw new SegmentationException("No customer is both in the truth file and in every labelling: compare with the truth of the data you clustered.");
        return Verdict.Compare("agreement with the true segments (adjusted Rand index)", labellings.Select(l => new Candidate(l.Name,
            Bootstrap.Interval(ids, id => id, draw => ClusterQuality.AdjustedRandIndex(draw.Select(id => l.Labels[id]).ToArray(), draw.Select(id => truth[id]).ToArray()), options))).ToArray());
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Adjusted Rand index against the true segments: {AdjustedRandIndex:F3} on {Customers:N0} customers" +
        (BaselineAdjustedRandIndex is { } b ? $" ({BaselineName}: {b:F3})" : "") + (Unmatched > 0 ? $"; {Unmatched:N0} not in the truth file" : "");

    /// <inheritdoc />
    public string ToHtml() => $"<div><b>{Html.Encode(ToString())}</b>" + Html.Table(["cluster \\ true segment", .. TrueSegments],
        Segments.Select((s, c) => (object?[])[$"{c + 1} {s}", .. TrueSegments.Select((_, t) => (object?)Counts[c, t])]), "customers by found cluster and true segment") + "</div>";
}

using System.Globalization;
using System.Text;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Segmentation.Models;

/// <summary>
/// Every customer's cluster and distances: the equivalent of the original workshop's batch-transform output
/// (closest cluster and distance), with the segment name and the distance to every centroid added.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SegmentScores(IReadOnlyList<string> Ids, IReadOnlyList<int> Clusters, IReadOnlyList<double[]> Distances, IReadOnlyList<string> SegmentNames) : IHtmlRenderable
{
    /// <summary>Number of clusters.</summary>
    public int K => SegmentNames.Count;

    /// <summary>The CSV columns: id, cluster, segment, distance to the own centroid, then one distance per cluster.</summary>
    public IReadOnlyList<string> Columns =>
        ["customer_unique_id", "cluster", "segment", "distance_to_cluster", .. Enumerable.Range(1, K).Select(c => $"distance_to_cluster_{c}")];

    /// <summary>Each customer's cluster (id → cluster number as text), for comparing partitions with <see cref="CustomerAnalytics.Segmentation.Evaluation.SegmentAgreement.AgainstTruth"/>.</summary>
    public IReadOnlyDictionary<string, string> ByCustomer() =>
        Enumerable.Range(0, Ids.Count).ToDictionary(i => Ids[i], i => Clusters[i].ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Writes the scores as CSV (invariant numbers, LF line ends) for a dashboard; returns the full path.</summary>
    public string WriteCsv(string path)
    {
        var text = new StringBuilder().Append(string.Join(",", Columns)).Append('\n');
        for (int i = 0; i < Ids.Count; i++)
            text.Append(string.Join(",", Row(i).Select(Csv))).Append('\n');
        return AtomicFile.WriteAllText(path, text.ToString());
    }

    private IEnumerable<object> Row(int i) =>
        [Ids[i], Clusters[i], SegmentNames[Clusters[i] - 1], Distances[i][Clusters[i] - 1], .. Distances[i].Cast<object>()];

    private static string Csv(object value) => value switch
    {
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        string s when s.IndexOfAny([',', '"', '\n']) >= 0 => "\"" + s.Replace("\"", "\"\"") + "\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Ids.Count:N0} customers scored into {K} segments";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(Columns, Enumerable.Range(0, Math.Min(8, Ids.Count)).Select(i => Row(i).Cast<object?>()),
        $"{ToString()} (first {Math.Min(8, Ids.Count)} rows)");
}

using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>
/// The measures of k-means for every k tried (the notebook's k loop adds one <see cref="KSelectionRow"/> per k): where
/// the average distance bends (the elbow), where the silhouette peaks and where the Davies-Bouldin index is lowest.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class KSelection : IHtmlRenderable
{
    /// <summary>The measures of each k, smallest k first.</summary>
    /// <exception cref="SegmentationException">No rows, or rows of different customers.</exception>
    public KSelection(IEnumerable<KSelectionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows.OrderBy(r => r.K).ToArray();
        if (Rows.Count == 0)
            throw new SegmentationException("No k was measured: run the k loop over at least one k (minK ≤ maxK) first.");
        if (Rows.Select(r => r.Customers).Distinct().Count() > 1)
            throw new SegmentationException("The rows measure different numbers of customers: measure every k on the same customers.");
    }

    /// <summary>The measures of each k, smallest k first.</summary>
    public IReadOnlyList<KSelectionRow> Rows { get; }

    /// <summary>Customers clustered.</summary>
    public int Customers => Rows[0].Customers;

    /// <summary>Customers the silhouette was computed on.</summary>
    public int SilhouetteSample => Rows[0].SilhouetteSample;

    /// <summary>The k with the highest silhouette.</summary>
    public int BestBySilhouette => Rows.MaxBy(r => r.Silhouette)!.K;

    /// <summary>The k with the lowest Davies-Bouldin index.</summary>
    public int BestByDaviesBouldin => Rows.MinBy(r => r.DaviesBouldin)!.K;

    /// <summary>
    /// The elbow: the k whose point on the average-distance curve (the inertia divided by the customers) lies farthest below the straight line joining the first
    /// and last k (both axes scaled to 0..1), i.e. where adding clusters stops paying off (<see cref="ElbowOf"/> of <see cref="Curve"/>).
    /// </summary>
    public int Elbow => ElbowOf(Curve);

    /// <summary>The average-distance curve: each k with its average distance, smallest k first.</summary>
    public IReadOnlyList<(int K, double AverageDistance)> Curve => Rows.Select(r => (r.K, r.AverageDistance)).ToArray();

    /// <summary>
    /// The elbow of a curve given smallest k first: the k whose point lies farthest below the straight line joining
    /// the first and last points, both axes scaled to 0..1; the first k when there are fewer than three points, and
    /// the smallest such k on a tie.
    /// </summary>
    public static int ElbowOf(IReadOnlyList<(int K, double AverageDistance)> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0) throw new SegmentationException("The curve has no points: measure at least one k first.");
        if (curve.Count < 3) return curve[0].K;
        double k0 = curve[0].K, k1 = curve[^1].K, i0 = curve[0].AverageDistance, i1 = curve[^1].AverageDistance;
        double Gap((int K, double AverageDistance) p)
        {
            var x = (p.K - k0) / (k1 - k0);
            var y = i0 == i1 ? 0 : (p.AverageDistance - i1) / (i0 - i1);
            return (1 - x) - y; // the chord runs from (0, 1) to (1, 0)
        }
        return curve.MaxBy(Gap).K;
    }

    /// <summary>The row for <paramref name="k"/>.</summary>
    public KSelectionRow this[int k] => Rows.FirstOrDefault(r => r.K == k)
        ?? throw new SegmentationException($"k = {k} was not tried; tried {Rows[0].K}..{Rows[^1].K}.");

    /// <summary>
    /// What the three measures say, in words, for the notebook: where the silhouette peaks, where the
    /// Davies-Bouldin index is lowest, where the inertia bends, and both indices at <paramref name="chosen"/> and at
    /// <paramref name="reference"/> (e.g. a k fixed in advance, named by <paramref name="referenceName"/>).
    /// </summary>
    public string Reading(int chosen, int? reference = null, string referenceName = "the reference")
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The silhouette is highest at k = {BestBySilhouette} ({this[BestBySilhouette].Silhouette:F3}), the Davies-Bouldin index lowest at k = {BestByDaviesBouldin} ({this[BestByDaviesBouldin].DaviesBouldin:F3}), and the average distance bends at k = {Elbow}.");
        text += At(chosen, "the chosen k");
        if (reference is { } r && r != chosen) text += At(r, referenceName);
        return text;
    }

    private string At(int k, string name) => Rows.FirstOrDefault(r => r.K == k) is { } row
        ? string.Create(CultureInfo.InvariantCulture, $" At k = {k} ({name}): silhouette {row.Silhouette:F3}, Davies-Bouldin {row.DaviesBouldin:F3}.")
        : $" k = {k} ({name}) was not tried (k = {Rows[0].K}..{Rows[^1].K}).";

    /// <inheritdoc />
    public override string ToString() =>
        $"k = {Rows[0].K}..{Rows[^1].K} on {Customers:N0} customers (silhouette on {(SilhouetteSample == Customers ? "all of them" : $"a sample of {SilhouetteSample:N0}")}): " +
        $"best silhouette k = {BestBySilhouette}, best Davies-Bouldin k = {BestByDaviesBouldin}, elbow k = {Elbow}";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["k", "average distance", "silhouette", "Davies-Bouldin", "smallest cluster"],
        Rows.Select(r => new object?[] { r.K, Math.Round(r.AverageDistance, 4), Math.Round(r.Silhouette, 4), Math.Round(r.DaviesBouldin, 4), r.SmallestCluster }),
        ToString());
}

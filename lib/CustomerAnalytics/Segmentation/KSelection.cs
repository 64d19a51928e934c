using System.Diagnostics;
using System.Globalization;
using CustomerAnalytics.Display;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Segmentation;

/// <summary>
/// Tries k = MinK..MaxK with ML.NET k-means and measures each: inertia (elbow), silhouette, Davies-Bouldin.
/// Each k is trained exactly as <see cref="SegmentationModel.Train"/> would (same seed), so the chosen row
/// describes the model you then train.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record KSelection(IReadOnlyList<KSelectionRow> Rows, int Customers, int SilhouetteSample) : IHtmlRenderable
{
    /// <summary>Measures every k in the options' range.</summary>
    /// <exception cref="SegmentationException">The range is empty, starts below 2 or exceeds the number of customers.</exception>
    public static KSelection Run(CustomerFeatures features, KSelectionOptions? options = null, IProgress<KSelectionRow>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= new KSelectionOptions();
        if (options.MaxK < options.MinK)
            throw new SegmentationException($"The k range {options.MinK}..{options.MaxK} is empty: MaxK must be at least MinK.");
        SegmentationModel.CheckK(options.MinK, features.Count);
        SegmentationModel.CheckK(options.MaxK, features.Count);

        var ml = new MLContext(options.KMeans.Seed);
        var input = MlData.ToView(ml, features.CanonicalInput, features.Width);
        var scaled = SegmentationModel.Scaler(ml).Fit(input).Transform(input);
        var points = MlData.ReadVectors(scaled, MlData.FeaturesColumn);
        var sample = points.Length > options.SilhouetteSampleSize
            ? ClusterQuality.SampleIndices(points.Length, options.SilhouetteSampleSize, options.KMeans.Seed)
            : Enumerable.Range(0, points.Length).ToArray();
        var samplePoints = sample.Select(i => points[i]).ToArray();

        var rows = new List<KSelectionRow>();
        for (int k = options.MinK; k <= options.MaxK; k++)
        {
            var watch = Stopwatch.StartNew();
            // A fresh context per k with the model's seed: row k is exactly the model Train(k) gives.
            var context = new MLContext(options.KMeans.Seed);
            var model = context.Clustering.Trainers.KMeans(options.KMeans.ToTrainerOptions(k)).Fit(scaled);
            var labels = model.Transform(scaled).GetColumn<uint>("PredictedLabel").Select(l => (int)l).ToArray();
            var row = new KSelectionRow(k, ClusterQuality.Inertia(points, labels),
                ClusterQuality.Silhouette(samplePoints, sample.Select(i => labels[i]).ToArray()),
                ClusterQuality.DaviesBouldin(points, labels), labels.GroupBy(l => l).Min(g => g.Count()), watch.Elapsed);
            rows.Add(row);
            progress?.Report(row);
        }
        return new KSelection(rows, points.Length, sample.Length);
    }

    /// <summary>The k with the highest silhouette.</summary>
    public int BestBySilhouette => Rows.MaxBy(r => r.Silhouette)!.K;

    /// <summary>The k with the lowest Davies-Bouldin index.</summary>
    public int BestByDaviesBouldin => Rows.MinBy(r => r.DaviesBouldin)!.K;

    /// <summary>
    /// The elbow: the k whose point on the inertia curve lies farthest below the straight line joining the first
    /// and last k (both axes scaled to 0..1), i.e. where adding clusters stops paying off.
    /// </summary>
    public int Elbow
    {
        get
        {
            if (Rows.Count < 3) return Rows[0].K;
            double k0 = Rows[0].K, k1 = Rows[^1].K, i0 = Rows[0].Inertia, i1 = Rows[^1].Inertia;
            double Gap(KSelectionRow r)
            {
                var x = (r.K - k0) / (k1 - k0);
                var y = i0 == i1 ? 0 : (r.Inertia - i1) / (i0 - i1);
                return (1 - x) - y; // the chord runs from (0, 1) to (1, 0)
            }
            return Rows.MaxBy(Gap)!.K;
        }
    }

    /// <summary>The row for <paramref name="k"/>.</summary>
    public KSelectionRow this[int k] => Rows.FirstOrDefault(r => r.K == k)
        ?? throw new SegmentationException($"k = {k} was not tried; tried {Rows[0].K}..{Rows[^1].K}.");

    /// <summary>
    /// What the three measures say, in words, for the notebook: where the silhouette peaks, where the
    /// Davies-Bouldin index is lowest, where the inertia bends, and both indices at <paramref name="chosen"/> and at
    /// <paramref name="reference"/> (e.g. the original workshop's k = 5, named by <paramref name="referenceName"/>).
    /// </summary>
    public string Reading(int chosen, int? reference = null, string referenceName = "the reference")
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The silhouette is highest at k = {BestBySilhouette} ({this[BestBySilhouette].Silhouette:F3}), the Davies-Bouldin index lowest at k = {BestByDaviesBouldin} ({this[BestByDaviesBouldin].DaviesBouldin:F3}), and the inertia curve bends at k = {Elbow}.");
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
    public string ToHtml() => Html.Table(["k", "inertia", "silhouette", "Davies-Bouldin", "smallest cluster", "seconds"],
        Rows.Select(r => new object?[] { r.K, Math.Round(r.Inertia, 1), Math.Round(r.Silhouette, 4), Math.Round(r.DaviesBouldin, 4), r.SmallestCluster, Math.Round(r.Elapsed.TotalSeconds, 2) }),
        ToString());
}

using CustomerAnalytics.SampleData;
using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Workshop 02 at scale: choose k (2..10) for about 100,000 customers with inertia, sampled silhouette and Davies-Bouldin.</summary>
public sealed class KSelectionBenchmark : IBenchmark
{
    public string Name => "kselect-100k";
    public string Description => "k = 2..10 with ML.NET k-means on ~100k Olist customers: inertia, silhouette (4,000 sample), Davies-Bouldin; best of 3 k-means++ starts per k, the fits side by side, one per core";

    public object? Setup(string workFolder)
    {
        // About 0.685 customers per order in the generator's model: 146,000 orders give about 100,000 customers.
        var folder = Path.Combine(workFolder, "olist-146k");
        if (!File.Exists(Path.Combine(folder, "olist_order_payments_dataset.csv")))
            new OlistGenerator(new OlistOptions { Orders = 146_000 }).Write(folder, Path.Combine(folder, "truth"));
        var rfm = RfmInput.FromOlist(folder, fromSample: false);
        return CustomerFeatures.FromDataFrame(rfm.Table);
    }

    public string Run(object? state)
    {
        var features = (CustomerFeatures)state!;
        // The notebook's k loop (the best of three fits, its one-pass measures, the silhouette) through the library's copy of it.
        var selection = SegmentationPipeline.SelectK(features, minK: 2, maxK: 10, silhouetteSample: 4000);
        // Inertia per k (the sum of squared distances), to set beside scikit-learn's (peers/kselect_sklearn.py).
        var inertia = string.Join(" ", selection.Rows.Select(r => $"k{r.K}={r.AverageDistance * r.Customers:F0}"));
        return $"{features.Count:N0} customers; {selection}; inertia {inertia}";
    }
}

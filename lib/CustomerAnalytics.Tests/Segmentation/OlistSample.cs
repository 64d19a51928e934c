using CustomerAnalytics.Segmentation.Data;

namespace CustomerAnalytics.Tests.Segmentation;

/// <summary>The committed Olist sample's RFM table and features, computed once for all segmentation tests.</summary>
internal static class OlistSample
{
    private static readonly Lazy<RfmInput> Input = new(() =>
        RfmInput.FromOlist(Path.Combine(RepositoryPaths.Data, "olist"), fromSample: true));

    private static readonly Lazy<CustomerFeatures> LazyFeatures = new(() => CustomerFeatures.FromDataFrame(Input.Value.Table));

    public static RfmInput Rfm => Input.Value;

    public static CustomerFeatures Features => LazyFeatures.Value;

    public static string TruthPath => Path.Combine(RepositoryPaths.Data, "truth", "olist_customer_segments.csv");
}

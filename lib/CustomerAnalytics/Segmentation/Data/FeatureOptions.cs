namespace CustomerAnalytics.Segmentation.Data;

/// <summary>
/// Which columns of the RFM table are clustered and how. Every feature is then scaled to mean 0 and
/// standard deviation 1 (inside the ML.NET model), so that days and reais weigh the same.
/// </summary>
public sealed record FeatureOptions
{
    /// <summary>The customer key column.</summary>
    public string IdColumn { get; init; } = "customer_unique_id";

    /// <summary>
    /// The clustered features. Default: recency in days as it is (it is spread fairly evenly), frequency and
    /// total spend through log(1 + x) (most customers buy once for little; a few buy often for a lot).
    /// </summary>
    public IReadOnlyList<SegmentFeature> Features { get; init; } =
        [new("recency_days"), new("frequency", Log: true), new("monetary_total", Log: true)];

    /// <summary>Recency column used for the cluster profiles (mean R) and names.</summary>
    public string RecencyColumn { get; init; } = "recency_days";

    /// <summary>Frequency column used for the cluster profiles (mean F) and names.</summary>
    public string FrequencyColumn { get; init; } = "frequency";

    /// <summary>Monetary column used for the cluster profiles (mean M, revenue) and names.</summary>
    public string MonetaryColumn { get; init; } = "monetary_total";

    /// <summary>The defaults: recency, log frequency, log monetary.</summary>
    public static FeatureOptions Default { get; } = new();

    /// <summary>Every column the table must have: id, features and profile columns.</summary>
    internal IReadOnlyList<string> RequiredColumns =>
        [IdColumn, .. Features.Select(f => f.Column).Concat([RecencyColumn, FrequencyColumn, MonetaryColumn]).Distinct()];
}

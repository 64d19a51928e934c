namespace CustomerAnalytics.Segmentation.Data;

/// <summary>One column k-means sees, optionally through log(1 + x) to tame a long right tail.</summary>
/// <param name="Column">Column of the RFM table, e.g. "monetary_total".</param>
/// <param name="Log">Apply log(1 + x) before scaling (for counts and money, which are heavily skewed).</param>
public sealed record SegmentFeature(string Column, bool Log = false)
{
    /// <summary>How the feature is shown on charts: "log(1 + monetary_total)" or the column name.</summary>
    public string Label => Log ? $"log(1 + {Column})" : Column;

    /// <summary>The value k-means gets before scaling.</summary>
    internal double Transform(double raw) => Log ? Math.Log(1 + raw) : raw;

    /// <inheritdoc />
    public override string ToString() => Label;
}

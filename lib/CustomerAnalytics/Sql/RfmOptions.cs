namespace CustomerAnalytics.Sql;

/// <summary>Choices that change the RFM table; every one is explicit, none comes from the clock.</summary>
public sealed record RfmOptions
{
    /// <summary>
    /// The day RFM is measured on: recency counts days before it, and only orders placed before it count.
    /// Null means the day after the last included order, so a rerun next year gives the same table.
    /// </summary>
    public DateTime? AsOfDate { get; init; }

    /// <summary>Olist order statuses that count as purchases (default: delivered only).</summary>
    public IReadOnlyList<string> OrderStatuses { get; init; } = ["delivered"];

    /// <summary>Online Retail stock codes whose lines are not product spend (compared upper-case; default
    /// <see cref="NonProductStockCode.Codes"/>): left out of monetary value and frequency.</summary>
    public IReadOnlyList<string> NonProductStockCodes { get; init; } = NonProductStockCode.Codes;
}

namespace CustomerAnalytics.SampleData;

/// <summary>Settings for <see cref="OnlineRetailGenerator"/>. The defaults make the committed sample.</summary>
public sealed record OnlineRetailOptions
{
    /// <summary>Seed of every random draw; the same seed gives byte-identical files.</summary>
    public int Seed { get; init; } = 2010;

    /// <summary>Approximate number of invoice lines (whole invoices are kept, and non-product lines and returns are added
    /// to them, so the count overshoots slightly).</summary>
    public int Lines { get; init; } = 18_000;

    /// <summary>Share of lines on invoices without a CustomerID (about 25% in the real file).</summary>
    public double LinesWithoutCustomerShare { get; init; } = 0.25;

    /// <summary>Chance that a customer's invoice is later partly cancelled (a "C" invoice with negative quantities).</summary>
    public double CancellationRate { get; init; } = 0.08;

    /// <summary>First day of trading (the real data starts on 1 December 2010).</summary>
    public DateTime Start { get; init; } = new(2010, 12, 1);

    /// <summary>Last day of trading (the real data ends on 9 December 2011); recency is measured from here.</summary>
    public DateTime End { get; init; } = new(2011, 12, 9);

    /// <summary>The segment model customers are drawn from (spend is per invoice, in GBP).</summary>
    public IReadOnlyList<SegmentProfile> Segments { get; init; } = OnlineRetailGenerator.DefaultSegments;
}

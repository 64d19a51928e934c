namespace CustomerAnalytics.SampleData;

/// <summary>Settings for <see cref="OlistGenerator"/>. The defaults make the committed sample.</summary>
public sealed record OlistOptions
{
    /// <summary>Seed of every random draw; the same seed gives byte-identical files.</summary>
    public int Seed { get; init; } = 2016;

    /// <summary>Number of orders (and therefore rows of the customers file: Olist gives every order its own customer_id).</summary>
    public int Orders { get; init; } = 5_500;

    /// <summary>First day of the period (the real dataset starts in September 2016).</summary>
    public DateTime Start { get; init; } = new(2016, 9, 4);

    /// <summary>Last day of the period (the real dataset ends in October 2018); recency is measured from here.</summary>
    public DateTime End { get; init; } = new(2018, 10, 17);

    /// <summary>The segment model customers are drawn from.</summary>
    public IReadOnlyList<SegmentProfile> Segments { get; init; } = OlistGenerator.DefaultSegments;
}

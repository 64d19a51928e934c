namespace CustomerAnalytics.SampleData;

/// <summary>
/// The true behavioural segment a generated customer was drawn from (the usual RFM segment names).
/// It is written to a truth file, never into the public-schema files, so a workshop can check how well
/// RFM scores or clusters recover it.
/// </summary>
public enum CustomerSegment
{
    /// <summary>Bought recently, often, and spend the most.</summary>
    Champions,
    /// <summary>Buy regularly over a long time.</summary>
    Loyal,
    /// <summary>New customers: first purchase recent, few orders so far.</summary>
    Potential,
    /// <summary>Used to buy several times but not for months.</summary>
    AtRisk,
    /// <summary>Bought once or twice long ago and spend little.</summary>
    Hibernating,
}

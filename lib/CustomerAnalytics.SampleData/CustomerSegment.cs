namespace CustomerAnalytics.SampleData;

/// <summary>
/// The true behavioural segment a generated customer was drawn from. It is written to a truth file, never into the
/// public-schema files, so a workshop can check how well RFM scores or clusters recover it. The names are the
/// generator's own, deliberately not the words of workshop 01's RFM grid ("Champions", "At risk", ...), which name
/// cells of R score and order count: a true segment describes how its customers were drawn, not which cell they land in.
/// </summary>
public enum CustomerSegment
{
    /// <summary>Drawn to buy recently, several times, and for the most money.</summary>
    FrequentBigSpenders,
    /// <summary>Drawn to buy again over a long time, and fairly recently.</summary>
    SteadyRepeaters,
    /// <summary>Drawn to have started recently, with few orders so far.</summary>
    RecentNewcomers,
    /// <summary>Drawn to have bought more than once on average, but not for months.</summary>
    LapsedRepeaters,
    /// <summary>Drawn to have bought once (or, in Online Retail, rarely twice) long ago, for little money.</summary>
    DormantLowSpenders,
}

namespace CustomerAnalytics.Churn.Data;

/// <summary>How event logs become sequences.</summary>
public sealed record SequenceOptions
{
    /// <summary>Longest next-event input: longer session prefixes keep their last events.</summary>
    public int MaxNextEventLength { get; init; } = 24;
    /// <summary>Longest churn input: a user's events in the observation window, keeping the last ones.</summary>
    public int MaxChurnLength { get; init; } = 48;
    /// <summary>Churn inputs hold the events before first engagement + this span. Null: the churn window (24 h),
    /// so the input never contains the events that decide the label.</summary>
    public TimeSpan? ObservationWindow { get; init; }
    /// <summary>Default settings.</summary>
    public static SequenceOptions Default { get; } = new();
}

namespace CustomerAnalytics.Churn;

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

/// <summary>Train, validation and test shares; users (not examples) are split, so no user is in two parts.</summary>
public sealed record SplitOptions
{
    /// <summary>Share of users for training (default 0.70).</summary>
    public double Train { get; init; } = 0.70;
    /// <summary>Share of users for validation, used for early stopping and the grid search (default 0.15).</summary>
    public double Validation { get; init; } = 0.15;
    /// <summary>Seed of the shuffle.</summary>
    public int Seed { get; init; } = 42;
}

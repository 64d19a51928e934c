namespace CustomerAnalytics.SampleData;

/// <summary>Settings for <see cref="Ga4EventGenerator"/>. The defaults make the committed sample.</summary>
public sealed record Ga4Options
{
    /// <summary>Seed of every random draw; the same seed gives byte-identical files.</summary>
    public int Seed { get; init; } = 2020;

    /// <summary>Number of users (user_pseudo_id values).</summary>
    public int Users { get; init; } = 1_000;

    /// <summary>First day of the export (the public GA4 sample covers 1 Nov 2020 - 31 Jan 2021).</summary>
    public DateTime Start { get; init; } = new(2020, 11, 1);

    /// <summary>Last day of the export; later events are dropped.</summary>
    public DateTime End { get; init; } = new(2021, 1, 31);

    /// <summary>First visits happen no later than this many days before <see cref="End"/>, so every user can be
    /// observed for at least that long (churn needs 24 hours).</summary>
    public int ObservationDays { get; init; } = 7;

    /// <summary>The true process.</summary>
    public Ga4Model Model { get; init; } = Ga4Model.Default;

    /// <summary>Users simulated (with their own seed stream) to estimate the best achievable next-event accuracy.</summary>
    public int MonteCarloUsers { get; init; } = 20_000;
}

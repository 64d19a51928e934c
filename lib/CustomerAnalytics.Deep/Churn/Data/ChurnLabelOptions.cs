namespace CustomerAnalytics.Churn.Data;

/// <summary>The churn and bounce definitions (after Google's GA4 churn-prediction example), as parameters.</summary>
public sealed record ChurnLabelOptions
{
    /// <summary>A user churned when their last engagement is less than this long after their first (default 24 h).</summary>
    public TimeSpan ChurnWindow { get; init; } = TimeSpan.FromHours(24);
    /// <summary>A user bounced when their last engagement is at most this long after their first (default 10 min).</summary>
    public TimeSpan BounceWindow { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>The event that marks engagement.</summary>
    public string EngagementEvent { get; init; } = "user_engagement";

    /// <summary>The definitions of the original workshop.</summary>
    public static ChurnLabelOptions Default { get; } = new();
}

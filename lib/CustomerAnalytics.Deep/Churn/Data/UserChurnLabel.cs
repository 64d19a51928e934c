namespace CustomerAnalytics.Churn.Data;

/// <summary>One user's churn and bounce labels and the engagement times they come from.</summary>
/// <param name="UserId">user_pseudo_id.</param>
/// <param name="FirstEngagement">Timestamp (µs) of the first engagement event; null when the user never engaged.</param>
/// <param name="LastEngagement">Timestamp (µs) of the last engagement event; null when the user never engaged.</param>
/// <param name="Churned">Last engagement less than the churn window after the first (true when never engaged).</param>
/// <param name="Bounced">Last engagement within the bounce window of the first (true when never engaged).</param>
/// <param name="Censored">The export ends less than the churn window after the first engagement: whether the user
/// comes back cannot be known yet, so the user is neither churned nor retained nor bounced, and no model sees them.</param>
public sealed record UserChurnLabel(string UserId, long? FirstEngagement, long? LastEngagement, bool Churned, bool Bounced, bool Censored = false)
{
    /// <summary>False when the user has no engagement event at all (counted as bounced and churned, as in the generator's truth).</summary>
    public bool Engaged => FirstEngagement.HasValue;

    /// <summary>The group shown in the notebook: censored, bounced, churned or retained.</summary>
    public string Group => Censored ? "censored" : Bounced ? "bounced" : Churned ? "churned" : "retained";
}

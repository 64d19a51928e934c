namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>The truth about one generated GA4 user.</summary>
/// <param name="UserPseudoId">The user's user_pseudo_id.</param>
/// <param name="UserType">The hidden engagement type that generated the user.</param>
/// <param name="Sessions">Sessions written for the user.</param>
/// <param name="Churned">No user_engagement 24 hours or more after the first one (the churn definition below).</param>
/// <param name="Bounced">The last user_engagement is within 10 minutes of the first.</param>
public sealed record Ga4UserTruth(string UserPseudoId, string UserType, int Sessions, bool Churned, bool Bounced);

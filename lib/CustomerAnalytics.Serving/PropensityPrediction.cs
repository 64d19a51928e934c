namespace CustomerAnalytics.Serving;

/// <summary>One session's answer: the probability of an order and whether to contact (probability at or above the threshold).</summary>
public sealed record PropensityPrediction(string? UserId, double Probability, bool Contact);

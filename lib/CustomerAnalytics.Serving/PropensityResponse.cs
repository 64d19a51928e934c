namespace CustomerAnalytics.Serving;

/// <summary>The answer to one session, naming the threshold and the model version (its file's SHA-256).</summary>
public sealed record PropensityResponse(string? UserId, double Probability, bool Contact, double Threshold, string Model);

namespace CustomerAnalytics.Serving;

/// <summary>The answer to one session (its event id: what a label sent later refers to), naming the threshold and the model version (its file's SHA-256).</summary>
public sealed record PropensityResponse(string EventId, string? UserId, double Probability, bool Contact, double Threshold, string Model);

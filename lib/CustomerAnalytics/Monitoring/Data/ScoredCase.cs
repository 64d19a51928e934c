namespace CustomerAnalytics.Monitoring.Data;

/// <summary>One prediction the service made, as captured: the event it was part of, its position in the request (0 for
/// a single session), the probability and the decision.</summary>
public sealed record ScoredCase(string EventId, int Position, double Probability, bool Decision);

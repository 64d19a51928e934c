using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>One feature's entry of constraints.json: the type its values must have, the share of rows that must have one,
/// whether numbers must be non-negative, and for text the values allowed.</summary>
public sealed record FeatureConstraint(string Name, InferredType Type, double Completeness, bool? IsNonNegative, IReadOnlyList<string>? Domain);

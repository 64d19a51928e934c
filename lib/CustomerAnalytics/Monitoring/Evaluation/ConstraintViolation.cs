namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>One entry of constraint_violations.json: the feature, the check (<c>data_type_check</c>,
/// <c>completeness_check</c>, <c>baseline_drift_check</c>, <c>missing_column_check</c>, <c>extra_column_check</c>,
/// <c>categorical_values_check</c>) and what was found, in one sentence.</summary>
public sealed record ConstraintViolation(string FeatureName, string ConstraintCheckType, string Description);

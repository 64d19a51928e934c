namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>
/// The thresholds of constraints.json's <c>monitoring_config</c>, with Model Monitor's defaults: a data type check fires
/// when more than <paramref name="DatatypeCheckThreshold"/> of a window's values have another type than the baseline's;
/// a categorical check when more than <paramref name="DomainContentThreshold"/> are outside the baseline's values; a
/// drift check when the distance exceeds <paramref name="ComparisonThreshold"/> (robust, or simple when
/// <paramref name="Robust"/> is false).
/// </summary>
public sealed record MonitoringConfig(double DatatypeCheckThreshold = 0.1, double DomainContentThreshold = 0.1, double ComparisonThreshold = 0.1, bool Robust = true);

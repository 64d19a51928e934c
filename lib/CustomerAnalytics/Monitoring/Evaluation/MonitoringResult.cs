using System.Text.Json.Nodes;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>One monitoring run over a window of rows: its statistics, the violations, and each feature's drift distance
/// (kept per window, so that drift can be followed over time).</summary>
public sealed record MonitoringResult(DatasetStatistics Window, IReadOnlyList<ConstraintViolation> Violations, IReadOnlyDictionary<string, DistributionDistance> Distances)
{
    /// <summary>constraint_violations.json's text.</summary>
    public string ViolationsJson() => ConstraintViolation.Json(Violations);
}

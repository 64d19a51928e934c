using System.Text.Json.Nodes;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>One entry of constraint_violations.json: the feature, the check (<c>data_type_check</c>,
/// <c>completeness_check</c>, <c>baseline_drift_check</c>, <c>missing_column_check</c>, <c>extra_column_check</c>,
/// <c>categorical_values_check</c>) and what was found, in one sentence.</summary>
public sealed record ConstraintViolation(string FeatureName, string ConstraintCheckType, string Description)
{
    /// <summary>constraint_violations.json's text for <paramref name="violations"/>.</summary>
    public static string Json(IEnumerable<ConstraintViolation> violations) => new JsonObject
    {
        ["violations"] = new JsonArray(violations.Select(v => (JsonNode)new JsonObject
        {
            ["feature_name"] = v.FeatureName, ["constraint_check_type"] = v.ConstraintCheckType, ["description"] = v.Description,
        }).ToArray()),
    }.ToJsonString(MonitoringJson.Options);
}

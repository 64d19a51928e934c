using System.Text.Json.Nodes;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>
/// Model Monitor's constraints.json: per feature the <see cref="FeatureConstraint"/> suggested from the baseline's
/// statistics, and the <see cref="MonitoringConfig"/> thresholds. Written and read in SageMaker's shape.
/// </summary>
public sealed record BaselineConstraints(IReadOnlyList<FeatureConstraint> Features, MonitoringConfig Config)
{
    /// <summary>Text features with at most this many distinct values get a domain (a categorical values check).</summary>
    public const int MaxDomain = 100;

    /// <summary>The constraints the baseline's statistics suggest: its types, its completeness, non-negativity where its
    /// minimum is not below zero, and the values of text features with few of them.</summary>
    public static BaselineConstraints Suggest(DatasetStatistics baseline, MonitoringConfig? config = null) => new(
        baseline.Features.Select(f => new FeatureConstraint(f.Name, f.Type, f.Completeness,
            f.Numbers is { } n ? n.Min >= 0 : null,
            f.Type == InferredType.String && f.Categories.Count <= MaxDomain ? f.Categories.Keys.Order(StringComparer.Ordinal).ToArray() : null)).ToArray(),
        config ?? new MonitoringConfig());

    /// <summary>The constraint of the feature named <paramref name="name"/>, or null.</summary>
    public FeatureConstraint? this[string name] => Features.FirstOrDefault(f => f.Name == name);

    /// <summary>constraints.json's text.</summary>
    public string ToJson() => new JsonObject
    {
        ["version"] = 0.0,
        ["features"] = new JsonArray(Features.Select(f =>
        {
            var node = new JsonObject { ["name"] = f.Name, ["inferred_type"] = f.Type.ToString(), ["completeness"] = f.Completeness };
            if (f.IsNonNegative is { } nonNegative) node["num_constraints"] = new JsonObject { ["is_non_negative"] = nonNegative };
            if (f.Domain is { } domain) node["string_constraints"] = new JsonObject { ["domains"] = new JsonArray(domain.Select(d => (JsonNode)d).ToArray()) };
            return (JsonNode)node;
        }).ToArray()),
        ["monitoring_config"] = new JsonObject
        {
            ["evaluate_constraints"] = "Enabled", ["emit_metrics"] = "Enabled",
            ["datatype_check_threshold"] = Config.DatatypeCheckThreshold, ["domain_content_threshold"] = Config.DomainContentThreshold,
            ["distribution_constraints"] = new JsonObject
            {
                ["perform_comparison"] = "Enabled", ["comparison_threshold"] = Config.ComparisonThreshold,
                ["comparison_method"] = Config.Robust ? "Robust" : "Simple",
            },
        },
    }.ToJsonString(MonitoringJson.Options);

    /// <summary>Reads constraints.json's text; an edited threshold or completeness is taken as written.</summary>
    /// <exception cref="InvalidDataException">The text is not a constraints file.</exception>
    public static BaselineConstraints FromJson(string json)
    {
        var root = MonitoringJson.Parse(json, "constraints");
        var config = root["monitoring_config"] ?? throw new InvalidDataException("No \"monitoring_config\".");
        var distribution = config["distribution_constraints"];
        return new BaselineConstraints(
            MonitoringJson.Array(root, "features").Select(f => new FeatureConstraint(
                MonitoringJson.String(f, "name"), Enum.Parse<InferredType>(MonitoringJson.String(f, "inferred_type")), (double)f!["completeness"]!,
                (bool?)f["num_constraints"]?["is_non_negative"],
                f["string_constraints"]?["domains"]?.AsArray().Select(d => (string)d!).ToArray())).ToArray(),
            new MonitoringConfig((double)config["datatype_check_threshold"]!, (double)config["domain_content_threshold"]!,
                (double?)distribution?["comparison_threshold"] ?? 0.1, (string?)distribution?["comparison_method"] != "Simple"));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>How the monitor's JSON files are written (indented, snake_case as SageMaker writes them) and read strictly.</summary>
internal static class MonitoringJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static JsonNode Parse(string json, string what)
    {
        try { return JsonNode.Parse(json) ?? throw new InvalidDataException($"The {what} file is empty JSON (null)."); }
        catch (JsonException e) { throw new InvalidDataException($"The {what} file is not JSON: {e.Message}", e); }
    }

    public static JsonArray Array(JsonNode node, string name) =>
        node[name] as JsonArray ?? throw new InvalidDataException($"No \"{name}\" array.");

    public static string String(JsonNode? node, string name) =>
        (string?)node?[name] ?? throw new InvalidDataException($"A feature without \"{name}\".");
}

using System.Text.Json;
using CustomerAnalytics.Data;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>One row the monitor looks at: its fields by name, as given (a training session, or a captured request).</summary>
public sealed record MonitoredRow(IReadOnlyDictionary<string, FeatureValue> Fields)
{
    /// <summary>A session of the propensity data: its 23 flags as 0/1 (its id and label are not features).</summary>
    public static MonitoredRow Of(SessionRecord session) => new(
        DatasetSchemas.PropensityFeatures.Select((name, i) => (name, value: new FeatureValue(session.Flags[i] ? 1 : 0, null)))
            .ToDictionary(f => f.name, f => f.value, StringComparer.Ordinal));

    /// <summary>
    /// The sessions of a captured request body: one JSON object, or <c>{"sessions": [...]}</c>; the fields named in
    /// <paramref name="notFeatures"/> (an id, the label) are left out. A body that is not JSON gives no row.
    /// </summary>
    public static IReadOnlyList<MonitoredRow> FromRequest(string json, IReadOnlySet<string> notFeatures)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException) { return []; }
        using (document)
        {
            var root = document.RootElement;
            var sessions = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sessions", out var batch) && batch.ValueKind == JsonValueKind.Array
                ? batch.EnumerateArray().ToArray()
                : [root];
            return sessions.Where(s => s.ValueKind == JsonValueKind.Object).Select(s => new MonitoredRow(s.EnumerateObject()
                    .Where(p => !notFeatures.Contains(p.Name))
                    .GroupBy(p => p.Name, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => FeatureValue.Of(g.Last().Value), StringComparer.Ordinal)))
                .ToArray();
        }
    }
}

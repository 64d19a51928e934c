using System.Text.Json.Nodes;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>Request bodies of the model service's POST /propensity: the 23 features by name, as the rows hold them
/// (a drifted row's numbers go over the wire as they are, for the service to refuse).</summary>
public static class SessionRequestJson
{
    /// <summary>One session: <c>{"basket_icon_click": 0, ...}</c>.</summary>
    public static string One(SessionInput session) => Session(session).ToJsonString();

    /// <summary>A batch: <c>{"sessions": [ ... ]}</c>.</summary>
    public static string Batch(IEnumerable<SessionInput> sessions) =>
        new JsonObject { ["sessions"] = new JsonArray(sessions.Select(s => (JsonNode)Session(s)).ToArray()) }.ToJsonString();

    private static JsonObject Session(SessionInput session) =>
        new(SessionFeatures.Names.Select((name, i) => KeyValuePair.Create(name, (JsonNode?)JsonValue.Create(session.Features[i]))));
}

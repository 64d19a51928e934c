using System.Text.Json;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Serving;

/// <summary>
/// A request for propensity scores, read strictly: one session (an object with the 23 flags by name, 0 or 1, and an
/// optional "UserID" string that is echoed back) or a batch (<c>{"sessions": [ ... ]}</c>). Anything else is an error
/// naming the field and what was expected, and nothing reaches the model.
/// </summary>
/// <param name="Sessions">The flag vectors, in request order.</param>
/// <param name="UserIds">Each session's UserID, or null.</param>
/// <param name="IsBatch">Whether the request was a batch (the response has the same shape).</param>
public sealed record SessionRequest(IReadOnlyList<float[]> Sessions, IReadOnlyList<string?> UserIds, bool IsBatch)
{
    private const string UserId = "UserID";

    /// <summary>Reads a parsed body; returns the request, or the errors by field path (e.g. "sessions[2].loc_uk").</summary>
    public static (SessionRequest? Request, Dictionary<string, string[]> Errors) Read(JsonElement body, int maxBatch)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = [$"expected a JSON object (one session) or {{\"sessions\": [...]}}, got {Kind(body)}"];
            return (null, errors);
        }
        if (!body.TryGetProperty("sessions", out var batch))
        {
            var one = Session(body, "", errors);
            return errors.Count > 0 ? (null, errors) : (new SessionRequest([one.Features], [one.UserId], false), errors);
        }

        foreach (var extra in body.EnumerateObject().Where(p => p.Name != "sessions"))
            errors[extra.Name] = ["unknown field: a batch has only \"sessions\""];
        if (batch.ValueKind != JsonValueKind.Array) errors["sessions"] = [$"expected an array of sessions, got {Kind(batch)}"];
        else if (batch.GetArrayLength() == 0) errors["sessions"] = ["expected at least one session"];
        else if (batch.GetArrayLength() > maxBatch) errors["sessions"] = [$"{batch.GetArrayLength():N0} sessions; at most {maxBatch:N0} in one request"];
        if (errors.Count > 0) return (null, errors);

        var sessions = batch.EnumerateArray().Select((s, i) => Session(s, $"sessions[{i}].", errors)).ToArray();
        return errors.Count > 0 ? (null, errors)
            : (new SessionRequest(sessions.Select(s => s.Features).ToArray(), sessions.Select(s => s.UserId).ToArray(), true), errors);
    }

    private static (float[] Features, string? UserId) Session(JsonElement session, string path, Dictionary<string, string[]> errors)
    {
        var features = new float[SessionInput.FeatureCount];
        if (session.ValueKind != JsonValueKind.Object)
        {
            errors[path.TrimEnd('.')] = [$"expected a session object, got {Kind(session)}"];
            return (features, null);
        }
        string? userId = null;
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in session.EnumerateObject())
        {
            var name = path + field.Name;
            if (!given.Add(field.Name)) { errors[name] = ["given twice"]; continue; }
            if (field.Name == UserId)
            {
                if (field.Value.ValueKind == JsonValueKind.String) userId = field.Value.GetString();
                else errors[name] = [$"expected a string, got {Kind(field.Value)}"];
                continue;
            }
            var index = IndexOf(field.Name);
            if (index < 0) { errors[name] = [Unknown(field.Name)]; continue; }
            if (field.Value.ValueKind != JsonValueKind.Number) { errors[name] = [$"expected the number 0 or 1, got {Kind(field.Value)}"]; continue; }
            if (!field.Value.TryGetDouble(out var value) || value is not (0 or 1)) { errors[name] = [$"expected 0 or 1, got {field.Value.GetRawText()}"]; continue; }
            features[index] = (float)value;
        }
        foreach (var missing in SessionFeatures.Names.Where(n => !given.Contains(n)))
            errors[path + missing] = ["missing: every session needs all 23 flags"];
        return (features, userId);
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < SessionFeatures.Names.Count; i++) if (SessionFeatures.Names[i] == name) return i;
        return -1;
    }

    private static string Unknown(string name) =>
        string.Equals(name, "ordered", StringComparison.OrdinalIgnoreCase)
            ? "the label is not an input: send the session's flags only"
            : $"unknown field; a session has {UserId} (optional) and the flags {string.Join(", ", SessionFeatures.Names)}";

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {e.GetRawText()}",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => "null",
    };
}

using System.Text.Json.Serialization;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>A body as it went over the wire ("INPUT" the request, "OUTPUT" the answer).</summary>
public sealed record CapturedBody(
    [property: JsonPropertyName("observedContentType")] string ObservedContentType,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("encoding")] string Encoding = "JSON");

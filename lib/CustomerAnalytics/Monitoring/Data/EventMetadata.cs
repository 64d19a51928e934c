using System.Text.Json.Serialization;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>Which event, when it was answered (UTC), and for a refused request the reason it was refused.</summary>
public sealed record EventMetadata(
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("inferenceTime")] DateTime InferenceTime,
    [property: JsonPropertyName("rejectionReason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RejectionReason = null);

using System.Text.Json.Serialization;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>
/// One captured request and its answer, in SageMaker data capture's shape (one JSON line each):
/// <c>captureData.endpointInput</c> / <c>endpointOutput</c> with the bodies as sent, and <c>eventMetadata</c> with the
/// event id, the time of the answer and, for a refused request, why (an addition of this service: SageMaker captures
/// only what reached the model).
/// </summary>
public sealed record CaptureRecord(
    [property: JsonPropertyName("captureData")] CaptureData CaptureData,
    [property: JsonPropertyName("eventMetadata")] EventMetadata EventMetadata,
    [property: JsonPropertyName("eventVersion")] string EventVersion = "0");

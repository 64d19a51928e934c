using System.Text.Json.Serialization;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>The request and the answer of one captured event.</summary>
public sealed record CaptureData(
    [property: JsonPropertyName("endpointInput")] CapturedBody EndpointInput,
    [property: JsonPropertyName("endpointOutput")] CapturedBody EndpointOutput);

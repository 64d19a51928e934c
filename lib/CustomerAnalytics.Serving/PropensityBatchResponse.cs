namespace CustomerAnalytics.Serving;

/// <summary>The answer to a batch (its event id; a session's position in the batch completes it for labels), in request order, naming the threshold and the model version.</summary>
public sealed record PropensityBatchResponse(string EventId, IReadOnlyList<PropensityPrediction> Predictions, double Threshold, string Model);

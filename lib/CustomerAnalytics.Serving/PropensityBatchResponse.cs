namespace CustomerAnalytics.Serving;

/// <summary>The answer to a batch, in request order, naming the threshold and the model version.</summary>
public sealed record PropensityBatchResponse(IReadOnlyList<PropensityPrediction> Predictions, double Threshold, string Model);

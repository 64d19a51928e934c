using CustomerAnalytics.Segmentation.Models;

namespace CustomerAnalytics.Segmentation.Evaluation;

/// <summary>
/// One pass of workshop 02's steps on a set of customers: the k loop, the k it chose, and the model trained at that k
/// (what the "same steps, second dataset" exercise returns, so its check can test all three).
/// </summary>
/// <param name="Selection">The k loop's measures for every k tried.</param>
/// <param name="ChosenK">The k chosen: the elbow of <paramref name="Selection"/>'s curve, unless a parameter sets it.</param>
/// <param name="Model">The model trained at <paramref name="ChosenK"/> on the same customers.</param>
public sealed record SegmentationRun(KSelection Selection, int ChosenK, SegmentationModel Model);

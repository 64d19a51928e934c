using Microsoft.ML.Data;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Sequences;

/// <summary>How well one model answers "does a conversion follow?" on a test set.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Threshold">The decision threshold (chosen on the validation set), or NaN when the model only says yes or no.</param>
/// <param name="Precision">Of the journeys called converting, the share that converted.</param>
/// <param name="Recall">Of the converting journeys, the share called converting.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Accuracy">Share of journeys called right.</param>
/// <param name="AucRoc">Area under the ROC curve of the probabilities, or NaN without probabilities.</param>
public sealed record ConversionScore(string Model, double Threshold, double Precision, double Recall, double F1, double Accuracy, double AucRoc)
{
    /// <summary>The scores ML.NET's evaluator computed for <paramref name="model"/> decided at <paramref name="threshold"/>.</summary>
    public static ConversionScore From(string model, ThresholdChoice threshold, BinaryClassificationMetrics metrics) =>
        new(model, threshold.Threshold, metrics.PositivePrecision, metrics.PositiveRecall, metrics.F1Score, metrics.Accuracy, metrics.AreaUnderRocCurve);

    /// <summary>The scores of yes/no decisions without probabilities (for example "the decoded sequence contains a visit").</summary>
    public static ConversionScore From(string model, BinaryMetrics counts) =>
        new(model, double.NaN, counts.Precision, counts.Recall, counts.F1, counts.Accuracy, double.NaN);
}

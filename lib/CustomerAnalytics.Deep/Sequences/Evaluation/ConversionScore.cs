using Microsoft.ML.Data;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>How well one model answers "does a conversion follow?" on a test set, with the uncertainty of F1 and accuracy.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Threshold">The decision threshold (chosen on the validation set), or NaN when the model only says yes or no.</param>
/// <param name="Precision">Of the journeys called converting, the share that converted.</param>
/// <param name="Recall">Of the converting journeys, the share called converting.</param>
/// <param name="F1">Harmonic mean of precision and recall, with its bootstrap interval over the test journeys.</param>
/// <param name="Accuracy">Share of journeys called right, with its bootstrap interval over the test journeys.</param>
/// <param name="AucRoc">Area under the ROC curve of the probabilities, or NaN without probabilities.</param>
public sealed record ConversionScore(string Model, double Threshold, double Precision, double Recall, Interval F1, Interval Accuracy, double AucRoc)
{
    /// <summary>
    /// The scores ML.NET's evaluator computed for <paramref name="model"/> decided at <paramref name="threshold"/>, with
    /// bootstrap intervals of F1 and accuracy from the same decisions (a journey is called converting when its
    /// probability is above the threshold, as <see cref="ConversionDecisions"/> decides).
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static ConversionScore From(string model, ThresholdChoice threshold, BinaryClassificationMetrics metrics,
        IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, BootstrapOptions? bootstrap = null)
    {
        var (f1, accuracy) = Intervals(labels, probabilities.Select(p => p > threshold.Threshold).ToArray(), bootstrap);
        return new(model, threshold.Threshold, metrics.PositivePrecision, metrics.PositiveRecall,
            Centred(f1, metrics.F1Score), Centred(accuracy, metrics.Accuracy), metrics.AreaUnderRocCurve);
    }

    /// <summary>The scores of yes/no decisions without probabilities (the decoded sequence contains a visit, a rule on
    /// the last touchpoint), one per test journey in the order of <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static ConversionScore FromCalls(string model, IReadOnlyList<bool> labels, IReadOnlyList<bool> calls, BootstrapOptions? bootstrap = null)
    {
        var (f1, accuracy) = Intervals(labels, calls, bootstrap);
        var counts = BinaryMetrics.From(labels.Zip(calls));
        return new(model, double.NaN, counts.Precision, counts.Recall, f1, accuracy, double.NaN);
    }

    // F1 and accuracy over bootstrap resamples of the test journeys (the decisions stay fixed: the threshold was chosen on validation).
    private static (Interval F1, Interval Accuracy) Intervals(IReadOnlyList<bool> labels, IReadOnlyList<bool> calls, BootstrapOptions? bootstrap)
    {
        if (labels.Count != calls.Count || labels.Count == 0)
            throw new ArgumentException($"Give one decision per test journey ({labels.Count} labels, {calls.Count} decisions), at least one.");
        BinaryMetrics On(IReadOnlyList<int> draw) => BinaryMetrics.From(draw.Select(i => (labels[i], calls[i])));
        return (Bootstrap.Interval(labels.Count, d => On(d).F1, bootstrap), Bootstrap.Interval(labels.Count, d => On(d).Accuracy, bootstrap));
    }

    // ML.NET's figure as the estimate (it equals the count-based one up to float rounding), the bootstrap's bounds around it.
    private static Interval Centred(Interval interval, double estimate) =>
        new(estimate, Math.Min(estimate, interval.Lower), Math.Max(estimate, interval.Upper), interval.Level);
}

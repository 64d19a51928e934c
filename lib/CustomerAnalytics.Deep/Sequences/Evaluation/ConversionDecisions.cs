using CustomerAnalytics.Evaluation;
using Microsoft.ML;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>
/// Turns any model's conversion probabilities into an ML.NET data view for <c>mlContext.BinaryClassification.Evaluate</c>,
/// with the decisions made at a given threshold, so that a TorchSharp model and an ML.NET model are scored by the same
/// evaluator with the same rule (<see cref="ScoreEvaluation.ToDataView"/>).
/// </summary>
public static class ConversionDecisions
{
    /// <summary>Rows (Label, Score, Probability, PredictedLabel) in the order given; a case is positive when its
    /// probability is above <paramref name="threshold"/>, and the ranking (AUC) is that of the probabilities.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a probability is outside [0, 1].</exception>
    public static IDataView ToDataView(MLContext ml, IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, double threshold)
    {
        if (labels.Count != probabilities.Count)
            throw new ArgumentException($"Give one probability per label ({labels.Count} labels, {probabilities.Count} probabilities).", nameof(probabilities));
        if (probabilities.Any(p => !(p >= 0 && p <= 1)))
            throw new ArgumentException("Every probability must lie between 0 and 1.", nameof(probabilities));
        return ScoreEvaluation.ToDataView(ml, labels, probabilities, threshold);
    }
}

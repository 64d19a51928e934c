using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// ML.NET's binary evaluator applied to scores that no ML.NET model produced (a TorchSharp model's probabilities, a
/// single flag, the generator's true probabilities): they are put in a data view with the columns the evaluator reads,
/// so every model is scored by the same evaluator with the same rule.
/// </summary>
public static class ScoreEvaluation
{
    private sealed class Row
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }

    /// <summary>
    /// Rows (Label, Score, Probability, PredictedLabel) in the order given, decided at <paramref name="threshold"/>.
    /// ML.NET's evaluator decides from the sign of Score (its raw-score threshold is 0) and ignores PredictedLabel, so
    /// Score is the score minus the threshold: a case is positive when its score is above the threshold, and the
    /// ranking (AUC) is that of the scores. Probability is the score clipped to [0, 1] (log-loss reads it).
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static IDataView ToDataView(MLContext ml, IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold)
    {
        if (labels.Count != scores.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels: give one score per labelled case.", nameof(scores));
        return ml.Data.LoadFromEnumerable(labels.Select((label, i) => new Row
        {
            Label = label, Score = (float)(scores[i] - threshold), Probability = (float)Math.Clamp(scores[i], 0, 1),
            PredictedLabel = scores[i] > threshold,
        }).ToArray());
    }

    /// <summary>Evaluates probabilities (decisions above <paramref name="threshold"/>) with
    /// <c>BinaryClassification.Evaluate</c>: log-loss included.</summary>
    public static CalibratedBinaryClassificationMetrics Probabilities(MLContext ml, IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels,
        double threshold = 0.5) =>
        ml.BinaryClassification.Evaluate(ToDataView(ml, labels, probabilities, threshold));

    /// <summary>Evaluates scores that are not probabilities (decisions above <paramref name="threshold"/>) with
    /// <c>BinaryClassification.EvaluateNonCalibrated</c>: ranking and decision metrics only.</summary>
    public static BinaryClassificationMetrics Scores(MLContext ml, IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold = 0.5) =>
        ml.BinaryClassification.EvaluateNonCalibrated(ToDataView(ml, labels, scores, threshold));
}

using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity;

/// <summary>
/// ML.NET's binary evaluator applied to scores that no ML.NET model produced (a single flag, the generator's true
/// probabilities): they are put in a data view with the columns the evaluator reads.
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

    /// <summary>Evaluates probabilities (decisions at 0.5) with <c>BinaryClassification.Evaluate</c>: log-loss included.</summary>
    public static CalibratedBinaryClassificationMetrics Probabilities(MLContext ml, IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        ml.BinaryClassification.Evaluate(Load(ml, probabilities, labels, 0.5));

    /// <summary>Evaluates scores that are not probabilities (decisions at <paramref name="threshold"/>) with
    /// <c>BinaryClassification.EvaluateNonCalibrated</c>: ranking and decision metrics only.</summary>
    public static BinaryClassificationMetrics Scores(MLContext ml, IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold = 0.5) =>
        ml.BinaryClassification.EvaluateNonCalibrated(Load(ml, scores, labels, threshold));

    private static IDataView Load(MLContext ml, IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        ScoreRanking.Check(scores, labels);
        return ml.Data.LoadFromEnumerable(scores.Select((s, i) => new Row
        {
            Label = labels[i], Score = (float)s, Probability = (float)Math.Clamp(s, 0, 1), PredictedLabel = s >= threshold,
        }).ToArray());
    }
}

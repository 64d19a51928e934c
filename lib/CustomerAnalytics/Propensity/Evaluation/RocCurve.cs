namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>The points of the ROC curve, for a chart: false positive rate against true positive rate as the threshold
/// falls, one point per distinct score. Its area is ML.NET's <c>AreaUnderRocCurve</c>: take it from
/// <c>mlContext.BinaryClassification.Evaluate</c>.</summary>
/// <param name="FalsePositiveRate">x values, from 0 to 1.</param>
/// <param name="TruePositiveRate">y values, from 0 to 1.</param>
/// <param name="Thresholds">The threshold at each point (+∞ for the first point, where nothing is predicted positive).</param>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRate, IReadOnlyList<double> TruePositiveRate, IReadOnlyList<double> Thresholds)
{
    /// <summary>Computes the curve.</summary>
    public static RocCurve Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ScoreRanking.Check(scores, labels);
        int positives = labels.Count(l => l), negatives = labels.Count - positives;
        List<double> fpr = [0], tpr = [0], thresholds = [double.PositiveInfinity];
        int tp = 0, fp = 0;
        foreach (var group in ScoreRanking.DescendingGroups(scores))
        {
            foreach (var i in group) { if (labels[i]) tp++; else fp++; }
            fpr.Add(negatives == 0 ? 0 : (double)fp / negatives);
            tpr.Add(positives == 0 ? 0 : (double)tp / positives);
            thresholds.Add(scores[group[0]]);
        }
        return new RocCurve(fpr, tpr, thresholds);
    }
}

/// <summary>The points of the precision-recall curve, for a chart: one point per distinct score, highest score first.
/// Its area is ML.NET's <c>AreaUnderPrecisionRecallCurve</c>.</summary>
/// <param name="Recall">x values.</param>
/// <param name="Precision">y values.</param>
/// <param name="Thresholds">The threshold at each point.</param>
/// <param name="OrderRate">Precision of a random ranking: the share of orders.</param>
public sealed record PrecisionRecallCurve(IReadOnlyList<double> Recall, IReadOnlyList<double> Precision, IReadOnlyList<double> Thresholds,
    double OrderRate)
{
    /// <summary>Computes the curve.</summary>
    public static PrecisionRecallCurve Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ScoreRanking.Check(scores, labels);
        int positives = labels.Count(l => l);
        List<double> recall = [], precision = [], thresholds = [];
        int tp = 0, seen = 0;
        foreach (var group in ScoreRanking.DescendingGroups(scores))
        {
            foreach (var i in group) if (labels[i]) tp++;
            seen += group.Length;
            recall.Add(positives == 0 ? 0 : (double)tp / positives);
            precision.Add((double)tp / seen);
            thresholds.Add(scores[group[0]]);
        }
        return new PrecisionRecallCurve(recall, precision, thresholds, labels.Count == 0 ? 0 : (double)positives / labels.Count);
    }
}

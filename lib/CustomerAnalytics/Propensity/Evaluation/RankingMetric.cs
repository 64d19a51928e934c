using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// Ranking figures of scores against labels, computed without ML.NET so that a bootstrap can recompute them on
/// thousands of resamples in moments: the inputs of <see cref="RankingVerdict"/>.
/// </summary>
public static class RankingMetric
{
    /// <summary>Area under the ROC curve (Mann-Whitney, ties sharing their rank): ML.NET's <c>AreaUnderRocCurve</c>,
    /// computed by <see cref="BinaryMetrics.AucRoc"/>.</summary>
    public static double AucRoc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ScoreRanking.Check(scores, labels);
        return BinaryMetrics.AucRoc(scores, labels);
    }

    /// <summary>
    /// Average precision, the usual estimate of the area under the precision-recall curve: walking down the ranking
    /// (equal scores as one step), the precision at each step weighted by the recall it adds. NaN without any order
    /// (the figure is undefined; a bootstrap leaves such resamples out).
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ScoreRanking.Check(scores, labels);
        int positives = labels.Count(l => l);
        if (positives == 0) return double.NaN;
        double area = 0;
        int found = 0, seen = 0;
        foreach (var group in ScoreRanking.DescendingGroups(scores))
        {
            int hits = group.Count(i => labels[i]);
            found += hits;
            seen += group.Length;
            area += (double)hits / positives * found / seen;
        }
        return area;
    }
}

namespace CustomerAnalytics.Evaluation;

/// <summary>The area under the ROC curve of any scores, for the truth files and single-flag baselines that have no ML.NET model.</summary>
public static class RocAuc
{
    /// <summary>ROC AUC by ranks (Mann-Whitney), ties sharing their average rank; 0.5 if one class is missing.</summary>
    public static double Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++)
                if (labels[order[k]]) { positiveRankSum += averageRank; positives++; }
            start = end + 1;
        }
        long negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0) return 0.5;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}

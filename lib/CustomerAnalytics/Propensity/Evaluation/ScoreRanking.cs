namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>Shared steps of the curves and tables built from probabilities: checking the inputs pair up, and walking
/// the scores from the highest down with equal scores as one step.</summary>
internal static class ScoreRanking
{
    /// <summary>Indices of the scores grouped by equal score, highest score first (ties by index, so the order is fixed).</summary>
    public static IEnumerable<int[]> DescendingGroups(IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            yield return order[start..(end + 1)];
            start = end + 1;
        }
    }

    /// <summary>Throws unless there is one label per score.</summary>
    public static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels: give one score per labelled session.");
    }
}

namespace CustomerAnalytics.Propensity;

/// <summary>
/// Metrics of predicted probabilities against 0/1 labels, written out so they can be read and checked by hand.
/// Ties between scores are handled the standard way (a tied group is one step of the curve).
/// </summary>
public static class BinaryMetrics
{
    /// <summary>ROC AUC: the probability that a random order scores above a random non-order (ties count half).
    /// 0.5 when one class is absent.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        // Same rank (Mann-Whitney) computation the generators use to report the true probabilities' AUC.
        return Data.Generators.Metrics.Auc(scores, labels);
    }

    /// <summary>Area under the precision-recall curve as average precision: the mean, over the orders, of the
    /// precision at the score of each order (tied scores share one precision). 0 when there are no orders.</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        int totalPositives = labels.Count(l => l);
        if (totalPositives == 0) return 0;
        double ap = 0;
        int tp = 0, seen = 0;
        foreach (var group in DescendingGroups(scores))
        {
            int groupPositives = group.Count(i => labels[i]);
            tp += groupPositives;
            seen += group.Length;
            ap += groupPositives / (double)totalPositives * (tp / (double)seen);
        }
        return ap;
    }

    /// <summary>Mean negative log-likelihood (natural log) of the labels; probabilities clipped to [1e-15, 1 - 1e-15].</summary>
    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        Check(probabilities, labels);
        if (probabilities.Count == 0) return 0;
        double sum = 0;
        for (int i = 0; i < probabilities.Count; i++)
        {
            double p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }
        return sum / probabilities.Count;
    }

    /// <summary>Mean squared difference between probability and label (Brier score).</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        Check(probabilities, labels);
        return probabilities.Count == 0 ? 0 : probabilities.Select((p, i) => Math.Pow(p - (labels[i] ? 1 : 0), 2)).Average();
    }

    /// <summary>Counts at a threshold: a session is predicted to order when its probability is at least <paramref name="threshold"/>.</summary>
    public static ConfusionMatrix Confusion(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold = 0.5)
    {
        Check(probabilities, labels);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < probabilities.Count; i++)
        {
            bool predicted = probabilities[i] >= threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }
        return new ConfusionMatrix(tp, fp, tn, fn, threshold);
    }

    /// <summary>Population stability index between two distributions over the same bins:
    /// Σ (actual − expected) · ln(actual / expected). Shares below <paramref name="floor"/> are raised to it so an empty bin
    /// does not make the index infinite. Below 0.1: stable; 0.1–0.25: moderate shift; above 0.25: major shift.</summary>
    public static double PopulationStabilityIndex(IReadOnlyList<double> expectedShares, IReadOnlyList<double> actualShares, double floor = 1e-4)
    {
        if (expectedShares.Count != actualShares.Count)
            throw new ArgumentException($"Both distributions need the same bins ({expectedShares.Count} vs {actualShares.Count}).");
        double psi = 0;
        for (int i = 0; i < expectedShares.Count; i++)
        {
            double e = Math.Max(expectedShares[i], floor), a = Math.Max(actualShares[i], floor);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    /// <summary>PSI of a 0/1 feature from its two rates (bins: 0 and 1).</summary>
    public static double PopulationStabilityIndex(double expectedRate, double actualRate) =>
        PopulationStabilityIndex([1 - expectedRate, expectedRate], [1 - actualRate, actualRate]);

    /// <summary>Indices of the scores grouped by equal score, highest score first (ties by index, so the order is fixed).</summary>
    internal static IEnumerable<int[]> DescendingGroups(IReadOnlyList<double> scores)
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

    internal static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels: give one score per labelled session.");
    }
}

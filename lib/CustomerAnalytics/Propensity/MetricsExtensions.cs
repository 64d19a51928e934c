using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity;

/// <summary>
/// What ML.NET's <see cref="BinaryClassificationMetrics"/> does not report but a rare-event classifier needs:
/// balanced accuracy, Cohen's kappa, and the counts of its confusion matrix by name. ML.NET's binary confusion matrix
/// has the positive class ("ordered") in the first row and column: rows are the truth, columns the prediction.
/// </summary>
public static class MetricsExtensions
{
    /// <summary>Mean of the recall of orders and the recall of non-orders: accuracy that does not reward always
    /// answering "no order".</summary>
    public static double BalancedAccuracy(this BinaryClassificationMetrics metrics) =>
        (metrics.PositiveRecall + metrics.NegativeRecall) / 2;

    /// <summary>Cohen's kappa: agreement between predictions and labels beyond what chance agreement with the same
    /// marginal counts would give. 0: no better than chance; 1: perfect.</summary>
    public static double Kappa(this BinaryClassificationMetrics metrics)
    {
        var c = metrics.ConfusionMatrix.Counts;
        double n = c.Sum(row => row.Sum());
        if (n == 0) return 0;
        double observed = (c[0][0] + c[1][1]) / n;
        double expected = Enumerable.Range(0, 2).Sum(k => c[k].Sum() / n * (c[0][k] + c[1][k]) / n);
        return expected == 1 ? 0 : (observed - expected) / (1 - expected);
    }

    /// <summary>Sessions predicted to order that did.</summary>
    public static int TruePositives(this BinaryClassificationMetrics metrics) => Count(metrics, 0, 0);
    /// <summary>Sessions that ordered but were predicted not to.</summary>
    public static int FalseNegatives(this BinaryClassificationMetrics metrics) => Count(metrics, 0, 1);
    /// <summary>Sessions predicted to order that did not.</summary>
    public static int FalsePositives(this BinaryClassificationMetrics metrics) => Count(metrics, 1, 0);
    /// <summary>Sessions predicted not to order that did not.</summary>
    public static int TrueNegatives(this BinaryClassificationMetrics metrics) => Count(metrics, 1, 1);
    /// <summary>All sessions evaluated.</summary>
    public static int Sessions(this BinaryClassificationMetrics metrics) =>
        (int)metrics.ConfusionMatrix.Counts.Sum(row => row.Sum());

    private static int Count(BinaryClassificationMetrics metrics, int truth, int predicted) =>
        (int)metrics.ConfusionMatrix.Counts[truth][predicted];
}

using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity;

/// <summary>Counts of a classifier's decisions at one threshold, with the metrics derived from them.</summary>
/// <param name="TruePositives">Predicted to order, and ordered.</param>
/// <param name="FalsePositives">Predicted to order, did not.</param>
/// <param name="TrueNegatives">Predicted not to order, did not.</param>
/// <param name="FalseNegatives">Predicted not to order, but ordered.</param>
/// <param name="Threshold">The probability at or above which a session counts as a predicted order.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives, double Threshold)
    : IHtmlRenderable
{
    /// <summary>All sessions.</summary>
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
    /// <summary>Sessions that ordered.</summary>
    public int Positives => TruePositives + FalseNegatives;
    /// <summary>Sessions that did not order.</summary>
    public int Negatives => TrueNegatives + FalsePositives;

    /// <summary>Share of correct decisions.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);
    /// <summary>Of the sessions predicted to order, the share that did (0 when none were predicted).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    /// <summary>Of the sessions that ordered, the share found (sensitivity, true positive rate).</summary>
    public double Recall => Ratio(TruePositives, Positives);
    /// <summary>Of the sessions that did not order, the share predicted so (true negative rate).</summary>
    public double Specificity => Ratio(TrueNegatives, Negatives);
    /// <summary>Precision of the "did not order" class.</summary>
    public double NegativePredictiveValue => Ratio(TrueNegatives, TrueNegatives + FalseNegatives);
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>F1 of the "did not order" class.</summary>
    public double NegativeF1 => NegativePredictiveValue + Specificity == 0 ? 0 : 2 * NegativePredictiveValue * Specificity / (NegativePredictiveValue + Specificity);
    /// <summary>Mean of recall and specificity: accuracy that does not reward always answering "no order".</summary>
    public double BalancedAccuracy => (Recall + Specificity) / 2;

    /// <summary>Cohen's kappa: agreement between predictions and labels beyond what chance agreement with the same
    /// marginal counts would give. 0: no better than chance; 1: perfect.</summary>
    public double Kappa
    {
        get
        {
            if (Total == 0) return 0;
            double n = Total;
            double observed = (TruePositives + TrueNegatives) / n;
            double predictedYes = (TruePositives + FalsePositives) / n, actualYes = Positives / n;
            double expected = predictedYes * actualYes + (1 - predictedYes) * (1 - actualYes);
            return expected == 1 ? 0 : (observed - expected) / (1 - expected);
        }
    }

    /// <summary>The counts as a 2×2 grid: rows actual (did not order, ordered), columns predicted (no, yes).</summary>
    public int[][] Grid => [[TrueNegatives, FalsePositives], [FalseNegatives, TruePositives]];

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"threshold {Threshold:0.###}: TP {TruePositives}, FP {FalsePositives}, TN {TrueNegatives}, FN {FalseNegatives}; " +
        $"balanced accuracy {BalancedAccuracy:F3}, kappa {Kappa:F3}, F1 {F1:F3}");

    /// <summary>The confusion matrix, then a classification report (precision, recall, F1, support per class).</summary>
    public string ToHtml()
    {
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        var matrix = Html.Table(["actual \\ predicted", "no order", "order"],
            [["did not order", TrueNegatives, FalsePositives], ["ordered", FalseNegatives, TruePositives]],
            string.Create(CultureInfo.InvariantCulture, $"Confusion matrix at threshold {Threshold:0.###}"));
        var report = Html.Table(["class", "precision", "recall", "F1", "support"],
        [
            ["did not order (0)", F(NegativePredictiveValue), F(Specificity), F(NegativeF1), Negatives],
            ["ordered (1)", F(Precision), F(Recall), F(F1), Positives],
            ["accuracy", "", "", F(Accuracy), Total],
            ["balanced accuracy", "", "", F(BalancedAccuracy), Total],
            ["Cohen's kappa", "", "", F(Kappa), Total],
        ], "Classification report");
        return matrix + report;
    }
}

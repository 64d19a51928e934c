using System.Globalization;
using CustomerAnalytics.Display;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// The one place a yes/no classifier's figures are computed outside ML.NET's evaluator: the confusion matrix and what
/// follows from it (precision, recall, F1, accuracy, and what ML.NET does not report: balanced accuracy and Cohen's
/// kappa), and the area under the ROC curve of scores. Where a model has an ML.NET pipeline, use
/// <c>mlContext.BinaryClassification.Evaluate</c> for the figures it reports and <see cref="Of"/> for its counts; the
/// counts of decisions that no ML.NET pipeline made (a decoded sequence, a rule, a bootstrap resample) come from
/// <see cref="From"/>.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record BinaryMetrics(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives) : IHtmlRenderable
{
    /// <summary>Counts the four outcomes of (actual, predicted) pairs.</summary>
    public static BinaryMetrics From(IEnumerable<(bool Actual, bool Predicted)> outcomes)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (actual, predicted) in outcomes)
            _ = (actual, predicted) switch { (true, true) => tp++, (false, true) => fp++, (true, false) => fn++, _ => tn++ };
        return new BinaryMetrics(tp, fp, fn, tn);
    }

    /// <summary>The counts of ML.NET's binary confusion matrix, which has the positive class in the first row and
    /// column (rows the truth, columns the prediction).</summary>
    public static BinaryMetrics Of(BinaryClassificationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var c = metrics.ConfusionMatrix.Counts;
        return new BinaryMetrics((int)c[0][0], (int)c[1][0], (int)c[0][1], (int)c[1][1]);
    }

    /// <summary>All cases.</summary>
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;
    /// <summary>Cases that are positive.</summary>
    public int Positives => TruePositives + FalseNegatives;
    /// <summary>Share predicted correctly.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);
    /// <summary>Of the predicted positives, the share that were positive (0 when nothing was predicted positive).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    /// <summary>Of the actual positives, the share predicted positive.</summary>
    public double Recall => Ratio(TruePositives, Positives);
    /// <summary>Of the actual negatives, the share predicted negative.</summary>
    public double Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>Mean of the recall of each class: accuracy that does not reward always answering "no" on rare positives.</summary>
    public double BalancedAccuracy => (Recall + Specificity) / 2;

    /// <summary>Cohen's kappa: agreement between predictions and labels beyond what chance agreement with the same
    /// marginal counts would give. 0: no better than chance; 1: perfect.</summary>
    public double Kappa
    {
        get
        {
            if (Total == 0) return 0;
            double n = Total, observed = (TruePositives + TrueNegatives) / n;
            double expected = Positives / n * (TruePositives + FalsePositives) / n
                + (TrueNegatives + FalsePositives) / n * (TrueNegatives + FalseNegatives) / n;
            return expected == 1 ? 0 : (observed - expected) / (1 - expected);
        }
    }

    /// <summary>
    /// Area under the ROC curve of <paramref name="scores"/> by ranks (Mann-Whitney), ties sharing their average rank:
    /// ML.NET's <c>AreaUnderRocCurve</c>, without building a data view, for scores no ML.NET model produced and for
    /// bootstraps that recompute it on thousands of resamples. 0.5 if one class is missing.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double AucRoc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels: give one score per labelled case.");
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

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"precision {Precision:F3}, recall {Recall:F3}, F1 {F1:F3}, accuracy {Accuracy:F3} (TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}, TN {TrueNegatives})");

    /// <inheritdoc/>
    public string ToHtml() =>
        Html.Table(["", "predicted yes", "predicted no"], [["actual yes", TruePositives, FalseNegatives], ["actual no", FalsePositives, TrueNegatives]], "Confusion matrix") +
        Html.Table(["precision", "recall", "F1", "accuracy"], [[F(Precision), F(Recall), F(F1), F(Accuracy)]]);

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}

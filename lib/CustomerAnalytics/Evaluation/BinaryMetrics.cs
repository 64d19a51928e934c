using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Evaluation;

/// <summary>Confusion matrix and scores of a yes/no prediction (for journeys: "does the sequence contain a visit").</summary>
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

    /// <summary>All cases.</summary>
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;
    /// <summary>Share predicted correctly.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);
    /// <summary>Of the predicted positives, the share that were positive (0 when nothing was predicted positive).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    /// <summary>Of the actual positives, the share predicted positive.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

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

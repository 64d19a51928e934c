using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Accuracy, precision, recall, F1 and the confusion matrix of class predictions. Binary tasks (two classes) score
/// class 1 (churned) with <see cref="BinaryMetrics"/>; multi-class tasks average precision, recall and F1 over the
/// classes that occur (macro average).
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ClassificationReport(
    double Accuracy, double Precision, double Recall, double F1, int[,] Confusion, IReadOnlyList<string> ClassNames, int Examples) : IHtmlRenderable
{
    /// <summary>Metric names accepted by <see cref="Metric"/> and by the config's "metric" key.</summary>
    public static readonly IReadOnlyList<string> MetricNames = ["accuracy", "precision", "recall", "f1"];

    /// <summary>Scores predictions against the truth.</summary>
    public static ClassificationReport Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> classNames)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException($"{truth.Count} labels but {predicted.Count} predictions.");
        int k = classNames.Count;
        var m = new int[k, k];
        for (int i = 0; i < truth.Count; i++) m[truth[i], predicted[i]]++;
        int n = truth.Count, correct = Enumerable.Range(0, k).Sum(c => m[c, c]);
        // Class c against the rest, as a yes/no prediction.
        BinaryMetrics OneVsRest(int c)
        {
            int row = Enumerable.Range(0, k).Sum(j => m[c, j]), column = Enumerable.Range(0, k).Sum(r => m[r, c]);
            return new BinaryMetrics(m[c, c], column - m[c, c], row - m[c, c], n - row - column + m[c, c]);
        }
        BinaryMetrics[] scored = k == 2 ? [OneVsRest(1)]
            : Enumerable.Range(0, k).Where(c => Enumerable.Range(0, k).Any(j => m[c, j] > 0 || m[j, c] > 0)).Select(OneVsRest).ToArray();
        double Mean(Func<BinaryMetrics, double> figure) => scored.Length == 0 ? 0 : scored.Average(figure);
        var (precision, recall, f1) = (Mean(b => b.Precision), Mean(b => b.Recall), Mean(b => b.F1));
        return new ClassificationReport(n == 0 ? 0 : correct / (double)n, precision, recall, f1, m, classNames, n);
    }

    /// <summary>One metric by name: accuracy, precision, recall or f1.</summary>
    public double Metric(string name) => name switch
    {
        "accuracy" => Accuracy, "precision" => Precision, "recall" => Recall, "f1" => F1,
        _ => throw new ArgumentException($"Unknown metric '{name}'; use {string.Join(", ", MetricNames)}."),
    };

    /// <summary>The four metrics by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics => MetricNames.ToDictionary(n => n, Metric);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"accuracy {Accuracy:F3}, precision {Precision:F3}, recall {Recall:F3}, F1 {F1:F3} on {Examples:N0} examples");

    /// <inheritdoc />
    public string ToHtml()
    {
        var used = Enumerable.Range(0, ClassNames.Count).Where(c => Enumerable.Range(0, ClassNames.Count).Any(j => Confusion[c, j] > 0 || Confusion[j, c] > 0)).ToArray();
        return Html.Table(["examples", "accuracy", "precision", "recall", "F1"], [[Examples, Accuracy, Precision, Recall, F1]],
                   ClassNames.Count == 2 ? $"Positive class: {ClassNames[1]}" : "Precision, recall, F1: macro average over classes") +
               Html.Table(["true \\ predicted", .. used.Select(c => ClassNames[c])],
                   used.Select(r => new object?[] { ClassNames[r] }.Concat(used.Select(c => (object?)Confusion[r, c]))), "Confusion matrix");
    }
}

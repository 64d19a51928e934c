using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Churn.Training;

/// <summary>A model's predictions on a dataset: true and predicted classes and the class probabilities.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record Predictions(IReadOnlyList<int> Truth, IReadOnlyList<int> Predicted, IReadOnlyList<float[]> Probabilities, IReadOnlyList<string> ClassNames) : IHtmlRenderable
{
    /// <summary>Accuracy, precision, recall, F1 and the confusion matrix.</summary>
    public ClassificationReport Report => ClassificationReport.Compute(Truth, Predicted, ClassNames);

    /// <summary>For a binary task: each example's probability of class 1 (churned).</summary>
    public IReadOnlyList<double> PositiveProbabilities => Probabilities.Select(p => p.Length > 1 ? (double)p[1] : double.NaN).ToArray();

    /// <summary>Examples per class: true and predicted counts, for the bar chart.</summary>
    public IReadOnlyList<(string Class, int True, int Predicted)> ClassCounts()
    {
        var t = new int[ClassNames.Count]; var p = new int[ClassNames.Count];
        foreach (var y in Truth) t[y]++;
        foreach (var y in Predicted) p[y]++;
        return Enumerable.Range(0, ClassNames.Count).Where(c => t[c] + p[c] > 0).Select(c => (ClassNames[c], t[c], p[c])).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => Report.ToString();

    /// <inheritdoc />
    public string ToHtml() => Report.ToHtml();
}

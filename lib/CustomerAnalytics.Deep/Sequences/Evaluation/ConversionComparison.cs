using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>
/// Models and rules side by side on the same test journeys, and which one answers "does a conversion follow?" best:
/// a computed <see cref="Verdict"/> on F1 (the measure every threshold was chosen to maximise) and one on accuracy,
/// each naming a clear winner only when its 95% interval overlaps no other's, "no clear winner" otherwise.
/// </summary>
/// <param name="Scores">One row per model or rule (names unique, at least two).</param>
/// <param name="Journeys">Test journeys scored.</param>
/// <param name="ConversionToken">The conversion token.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ConversionComparison(IReadOnlyList<ConversionScore> Scores, int Journeys, string ConversionToken = "visit") : IHtmlRenderable
{
    /// <summary>Which model is best on F1, with the intervals (a clear winner only without overlap).</summary>
    public Verdict F1Verdict => Verdict.Compare("F1", Scores.Select(s => new Candidate(s.Model, s.F1)).ToArray());

    /// <summary>Which model is best on accuracy, with the intervals (a clear winner only without overlap).</summary>
    public Verdict AccuracyVerdict => Verdict.Compare("accuracy", Scores.Select(s => new Candidate(s.Model, s.Accuracy)).ToArray());

    /// <summary>The row of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">No row has that name.</exception>
    public ConversionScore this[string model] => Scores.FirstOrDefault(s => s.Model == model)
        ?? throw new ArgumentException($"No row '{model}'; the rows are: {string.Join(", ", Scores.Select(s => s.Model))}.", nameof(model));

    /// <inheritdoc/>
    public override string ToString() => string.Join("\n", Scores.Select(s => string.Create(CultureInfo.InvariantCulture,
        $"{s.Model}: threshold {F(s.Threshold)}, precision {s.Precision:F3}, recall {s.Recall:F3}, F1 {s.F1}, accuracy {s.Accuracy}, AUC {F(s.AucRoc)}")))
        + "\n" + F1Verdict.Sentence + "\n" + AccuracyVerdict.Sentence;

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["model", "threshold (validation)", "precision", "recall", "F1 [95% interval]", "accuracy [95% interval]", "AUC-ROC"],
        Scores.Select(s => new object?[] { s.Model, F(s.Threshold), F(s.Precision), F(s.Recall), s.F1.ToString(), s.Accuracy.ToString(), F(s.AucRoc) }),
        $"Does a '{ConversionToken}' follow? {Journeys} test journeys; intervals: bootstrap over the test journeys")
        + $"<p>{Html.Encode(F1Verdict.Sentence)}</p><p>{Html.Encode(AccuracyVerdict.Sentence)}</p>";

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F3", CultureInfo.InvariantCulture);
}

using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Sequences;

/// <summary>
/// Models side by side on the same test journeys, and which one answers "does a conversion follow?" best. The
/// winner is the model with the highest F1, the measure every threshold was chosen to maximise; F1 values closer
/// than <see cref="Tie"/> count as a tie.
/// </summary>
/// <param name="Scores">One row per model.</param>
/// <param name="Journeys">Test journeys scored.</param>
/// <param name="ConversionToken">The conversion token.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ConversionComparison(IReadOnlyList<ConversionScore> Scores, int Journeys, string ConversionToken = "visit") : IHtmlRenderable
{
    /// <summary>F1 difference below which two models are called even.</summary>
    public const double Tie = 0.0005;

    /// <summary>The model with the highest F1 (the first listed among equals).</summary>
    public ConversionScore Best => Scores.Count == 0 ? throw new InvalidOperationException("No models to compare.")
        : Scores.Aggregate((best, s) => s.F1 > best.F1 ? s : best);

    /// <summary>One sentence: which model wins on F1 against the runner-up, or that they tie.</summary>
    public string Verdict
    {
        get
        {
            var best = Best;
            var others = Scores.Where(s => !ReferenceEquals(s, best)).ToArray();
            if (others.Length == 0) return $"Only {best.Model} was scored.";
            var second = others.Aggregate((b, s) => s.F1 > b.F1 ? s : b);
            return best.F1 - second.F1 < Tie
                ? string.Create(CultureInfo.InvariantCulture, $"{best.Model} and {second.Model} tie on F1 ({best.F1:F3}) on {Journeys} test journeys.")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{best.Model} wins: F1 {best.F1:F3} against {second.F1:F3} for {second.Model} (accuracy {best.Accuracy:F3} against {second.Accuracy:F3}) on {Journeys} test journeys.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("\n", Scores.Select(s => string.Create(CultureInfo.InvariantCulture,
        $"{s.Model}: threshold {F(s.Threshold)}, precision {s.Precision:F3}, recall {s.Recall:F3}, F1 {s.F1:F3}, accuracy {s.Accuracy:F3}, AUC {F(s.AucRoc)}"))) + "\n" + Verdict;

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["model", "threshold (validation)", "precision", "recall", "F1", "accuracy", "AUC-ROC"],
        Scores.Select(s => new object?[] { s.Model, F(s.Threshold), F(s.Precision), F(s.Recall), F(s.F1), F(s.Accuracy), F(s.AucRoc) }),
        $"Does a '{ConversionToken}' follow? {Journeys} test journeys") + $"<p>{Html.Encode(Verdict)}</p>";

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F3", CultureInfo.InvariantCulture);
}

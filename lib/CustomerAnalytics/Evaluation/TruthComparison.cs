using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Evaluation;

/// <summary>One figure of a model next to the truth's on the same rows.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Metric">What is measured, e.g. "AUC" or "next touchpoint accuracy (top-1)".</param>
/// <param name="Value">The model's figure.</param>
/// <param name="Reference">What the truth's figure comes from, e.g. "true probability" or "Bayes-optimal".</param>
/// <param name="Truth">The truth's figure on the same rows: the best achievable on them.</param>
/// <param name="WholeSample">The truth's figure over the whole sample or population (NaN when not known).</param>
public sealed record TruthRow(string Model, string Metric, double Value, string Reference, double Truth, double WholeSample = double.NaN);

/// <summary>
/// A model's figures next to the best achievable, known from the generated sample's truth: the gap is what the model
/// has left to learn (or the luck of a small test set). Every model family reports its comparison in this shape.
/// </summary>
/// <param name="Compared">How many rows (sessions, journeys, users) were compared.</param>
/// <param name="Unit">What those rows are, e.g. "test sessions (112 orders)".</param>
/// <param name="Rows">One figure per row of the table.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record TruthComparison(int Compared, string Unit, IReadOnlyList<TruthRow> Rows) : IHtmlRenderable
{
    /// <summary>The row of <paramref name="metric"/> (of <paramref name="model"/> when several models are compared).</summary>
    /// <exception cref="KeyNotFoundException">No such row; the message lists the metrics there are.</exception>
    public TruthRow this[string metric, string? model = null] =>
        Rows.FirstOrDefault(r => r.Metric == metric && (model is null || r.Model == model))
        ?? throw new KeyNotFoundException($"No '{metric}' row{(model is null ? "" : $" for {model}")}. Metrics: {string.Join(", ", Rows.Select(r => r.Metric).Distinct())}.");

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Rows.Select(r =>
        $"{r.Model} {r.Metric}: {F(r.Value)}, {r.Reference} {F(r.Truth)}" + (double.IsNaN(r.WholeSample) ? "" : $" (whole sample {F(r.WholeSample)})")));

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["model", "metric", "model's figure", "truth", "truth, same rows", "truth, whole sample", "model / truth"],
        Rows.Select(r => new object?[] { r.Model, r.Metric, F(r.Value), r.Reference, F(r.Truth), F(r.WholeSample), F(r.Value / r.Truth) }),
        string.Create(CultureInfo.InvariantCulture, $"Against the generator's truth, on {Compared:N0} {Unit}"));

    private static string F(double v) => double.IsNaN(v) ? "" : v.ToString("F4", CultureInfo.InvariantCulture);
}

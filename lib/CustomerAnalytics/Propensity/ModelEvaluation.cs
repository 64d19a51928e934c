using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity;

/// <summary>How well one model's probabilities fit labelled sessions: ranking (AUC-ROC, AUC-PR), probability quality
/// (log-loss, Brier) and decisions at a threshold (F1, balanced accuracy, Cohen's kappa), with the counts behind them.</summary>
/// <param name="Model">Model name.</param>
/// <param name="AucRoc">Area under the ROC curve.</param>
/// <param name="AucPr">Area under the precision-recall curve (average precision); a random model scores the order rate.</param>
/// <param name="LogLoss">Mean negative log-likelihood (natural log).</param>
/// <param name="Brier">Mean squared error of the probabilities.</param>
/// <param name="Confusion">Decisions at <see cref="ConfusionMatrix.Threshold"/>.</param>
/// <param name="TrainingTime">Time to fit the model.</param>
/// <param name="Probabilities">The probabilities evaluated, in session order.</param>
/// <param name="Labels">The labels, in session order.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ModelEvaluation(string Model, double AucRoc, double AucPr, double LogLoss, double Brier, ConfusionMatrix Confusion,
    TimeSpan TrainingTime, IReadOnlyList<double> Probabilities, IReadOnlyList<bool> Labels) : IHtmlRenderable
{
    /// <summary>Scores <paramref name="sessions"/> with <paramref name="model"/> and evaluates at <paramref name="threshold"/>.</summary>
    public static ModelEvaluation Evaluate(PropensityClassifier model, IReadOnlyList<SessionRecord> sessions, double threshold = 0.5)
    {
        var labels = PropensityData.Labels(sessions);
        return FromScores(model.Name, model.Score(sessions), labels, threshold, model.TrainingTime);
    }

    /// <summary>Evaluates given probabilities (for example the generator's true probabilities).</summary>
    public static ModelEvaluation FromScores(string name, IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold = 0.5,
        TimeSpan trainingTime = default) =>
        new(name, BinaryMetrics.Auc(probabilities, labels), BinaryMetrics.AveragePrecision(probabilities, labels),
            BinaryMetrics.LogLoss(probabilities, labels), BinaryMetrics.Brier(probabilities, labels),
            BinaryMetrics.Confusion(probabilities, labels, threshold), trainingTime, probabilities, labels);

    /// <summary>The same probabilities judged at another threshold.</summary>
    public ModelEvaluation AtThreshold(double threshold) => this with { Confusion = BinaryMetrics.Confusion(Probabilities, Labels, threshold) };

    /// <summary>The ROC curve of these probabilities.</summary>
    public RocCurve Roc => RocCurve.Compute(Probabilities, Labels);

    /// <summary>The precision-recall curve of these probabilities.</summary>
    public PrecisionRecallCurve PrecisionRecall => PrecisionRecallCurve.Compute(Probabilities, Labels);

    internal object?[] Row()
    {
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        return [Model, F(AucRoc), F(AucPr), F(LogLoss), F(Confusion.F1), F(Confusion.BalancedAccuracy), F(Confusion.Kappa),
            $"{Confusion.TruePositives}/{Confusion.Positives}", Confusion.FalsePositives, TrainingTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)];
    }

    internal static readonly string[] Headers =
        ["model", "AUC-ROC", "AUC-PR", "log-loss", "F1", "balanced accuracy", "Cohen's kappa", "orders found", "false alarms", "training (s)"];

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Model}: AUC-ROC {AucRoc:F3}, AUC-PR {AucPr:F3}, log-loss {LogLoss:F4}, {Confusion}");

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(Headers, [Row()], Caption(Confusion, Labels.Count)) + Confusion.ToHtml();

    internal static string Caption(ConfusionMatrix c, int n) => string.Create(CultureInfo.InvariantCulture,
        $"{n:N0} sessions, {c.Positives:N0} orders; decisions at threshold {c.Threshold:0.###}");
}

/// <summary>Several models evaluated on the same sessions, as one table.</summary>
/// <param name="Evaluations">One per model.</param>
/// <param name="SetName">Which sessions (for example "validation").</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ModelComparison(IReadOnlyList<ModelEvaluation> Evaluations, string SetName) : IHtmlRenderable
{
    /// <summary>Evaluates every model on the same sessions.</summary>
    public static ModelComparison Evaluate(IEnumerable<PropensityClassifier> models, IReadOnlyList<SessionRecord> sessions, string setName, double threshold = 0.5) =>
        new(models.Select(m => ModelEvaluation.Evaluate(m, sessions, threshold)).ToArray(), setName);

    /// <summary>The model with the highest AUC-PR (the metric that matters when orders are rare), ties by log-loss.</summary>
    public ModelEvaluation Best => Evaluations.OrderByDescending(e => Math.Round(e.AucPr, 6)).ThenBy(e => e.LogLoss).First();

    /// <summary>One evaluation by model name.</summary>
    public ModelEvaluation this[string model] => Evaluations.First(e => e.Model == model);

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Evaluations.Select(e => e.ToString()));

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(ModelEvaluation.Headers, Evaluations.Select(e => e.Row()),
        $"Models on the {SetName} set: " + ModelEvaluation.Caption(Evaluations[0].Confusion, Evaluations[0].Labels.Count));
}

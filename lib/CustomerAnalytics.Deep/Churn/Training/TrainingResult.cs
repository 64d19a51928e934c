using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Training;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Churn.Training;

/// <summary>What one training run produced: the model (best epoch's weights), the epoch history and the validation scores.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record TrainingResult(
    TrainedModel Model, IReadOnlyList<EpochRecord> History, int BestEpoch, ClassificationReport Validation,
    bool StoppedEarly, double Seconds, double ExamplesPerSecond) : IHtmlRenderable
{
    /// <summary>The validation value of the configured metric at the best epoch.</summary>
    public double BestMetric => Validation.Metric(Model.Config.Training.Metric);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Model.Config.Name}: best epoch {BestEpoch}/{History.Count}{(StoppedEarly ? " (stopped early)" : "")}, validation {Model.Config.Training.Metric} {BestMetric:F3}, {Seconds:F1}s, {ExamplesPerSecond:N0} examples/s");

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["model", "epochs run", "best epoch", "stopped early", $"validation {Model.Config.Training.Metric}", "seconds", "examples/s"],
        [[Model.Config.Name, History.Count, BestEpoch, StoppedEarly, BestMetric, Math.Round(Seconds, 1), Math.Round(ExamplesPerSecond)]]) + Validation.ToHtml();
}

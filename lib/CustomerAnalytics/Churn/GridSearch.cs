using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Churn;

/// <summary>
/// Tries every combination of a configuration's grid (see <see cref="ModelConfig.Combinations"/>), records each run
/// in a <see cref="RunStore"/> and keeps the model with the best validation value of the configured metric.
/// </summary>
public static class GridSearch
{
    /// <summary>
    /// Runs the search. Models other than the best are disposed. With <paramref name="inputs"/>, every run is recorded
    /// with them and the configuration (see <see cref="RunInputs.WithConfig"/>), so <see cref="RunStore.Best(ModelConfig, RunInputs)"/>
    /// finds these runs again and no others.
    /// </summary>
    public static GridSearchResult Run(ModelConfig config, SequenceSplit data, RunStore? store = null, IEnumerable<IProgressSink>? sinks = null, RunInputs? inputs = null)
    {
        if (config.Task != data.Train.Task)
            throw new ChurnDataException($"{config.Name} is configured for {config.Task} but the data is for {data.Train.Task}; pass the matching split.");
        var rows = new List<GridSearchRow>();
        TrainingResult? best = null;
        RunInfo? bestRun = null;
        foreach (var combination in config.Combinations())
        {
            var (init, training) = config.Apply(combination);
            var result = SequenceTrainer.Train(config with { Init = init, Training = training }, data, sinks);
            var run = store?.Record(result, combination, inputs?.WithConfig(config));
            rows.Add(new GridSearchRow(combination, result.BestMetric, result.BestEpoch, result.History.Count, result.Seconds, run?.RunId));
            if (best is null || result.BestMetric > best.BestMetric) { best?.Model.Dispose(); best = result; bestRun = run; }
            else result.Model.Dispose();
        }
        return new GridSearchResult(config.Name, config.Training.Metric, rows, best!, bestRun);
    }
}

/// <summary>One combination of a grid search and how it scored on validation.</summary>
public sealed record GridSearchRow(IReadOnlyDictionary<string, string> Parameters, double Metric, int BestEpoch, int Epochs, double Seconds, string? RunId);

/// <summary>All combinations tried, and the best run's result.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record GridSearchResult(string Model, string Metric, IReadOnlyList<GridSearchRow> Rows, TrainingResult Best, RunInfo? BestRun) : IHtmlRenderable
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Model}: {Rows.Count} combination(s); best validation {Metric} {Best.BestMetric:F3} ({string.Join(", ", Rows.MaxBy(r => r.Metric)!.Parameters.Select(p => $"{p.Key}={p.Value}"))})");

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["parameters", $"validation {Metric}", "best epoch", "epochs run", "seconds", "run"],
        Rows.Select(r => new object?[] { r.Parameters.Count == 0 ? "(config defaults)" : string.Join(", ", r.Parameters.Select(p => $"{p.Key}={p.Value}")), r.Metric, r.BestEpoch, r.Epochs, Math.Round(r.Seconds, 1), r.RunId }),
        $"Grid search of {Model}: best by validation {Metric}");
}

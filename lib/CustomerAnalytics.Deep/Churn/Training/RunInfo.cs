using CustomerAnalytics.Training;

namespace CustomerAnalytics.Churn.Training;

/// <summary>One recorded training run: its folder under artifacts/runs/&lt;model&gt;/&lt;run-id&gt;/ and what it scored.</summary>
/// <param name="Model">The model's name (the config's "name").</param>
/// <param name="RunId">The run's id (UTC time it was recorded, sortable, plus a counter).</param>
/// <param name="Folder">The run's folder (params.json, metrics.json, model.bin, vocabulary.json).</param>
/// <param name="Parameters">The grid values of this run (empty when not part of a grid search).</param>
/// <param name="Validation">Validation metrics at the best epoch.</param>
/// <param name="Test">Test metrics, once recorded with <see cref="RunStore.RecordTest"/>.</param>
/// <param name="Epochs">Per-epoch loss, validation loss and metric.</param>
/// <param name="BestEpoch">The epoch whose weights were kept.</param>
/// <param name="Seconds">Training time.</param>
public sealed record RunInfo(
    string Model, string RunId, string Folder, IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> Validation, IReadOnlyDictionary<string, double>? Test,
    IReadOnlyList<EpochRecord> Epochs, int BestEpoch, double Seconds)
{
    /// <summary>What the run was trained on (its inputs.json), or null for a run recorded without inputs.</summary>
    public RunInputs? Inputs { get; init; }
}

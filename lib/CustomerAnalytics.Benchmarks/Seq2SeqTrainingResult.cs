using System.Globalization;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Benchmarks;

/// <summary>What a training run did. The model holds the best epoch's weights afterwards.</summary>
/// <param name="History">Every epoch: training loss, validation token accuracy (teacher-forced) and validation loss.</param>
/// <param name="BestEpoch">Epoch with the lowest validation loss (its weights are in the checkpoint and the model).</param>
/// <param name="StoppedEarly">True when patience ran out before the last planned epoch.</param>
/// <param name="CheckpointPath">File with the best weights.</param>
/// <param name="TrainingSeconds">Time spent in training steps (validation excluded).</param>
/// <param name="SequencesPerSecond">Training throughput: sequences processed per second of training steps.</param>
public sealed record Seq2SeqTrainingResult(IReadOnlyList<EpochRecord> History, int BestEpoch, bool StoppedEarly, string CheckpointPath,
    double TrainingSeconds, double SequencesPerSecond)
{
    /// <summary>The best epoch's record.</summary>
    public EpochRecord Best => History.First(e => e.Epoch == BestEpoch);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{History.Count} epochs{(StoppedEarly ? " (stopped early)" : "")}; best epoch {BestEpoch}: validation loss {Best.ValidationLoss:F4}, token accuracy {Best.Metric:P1}; {SequencesPerSecond:F0} sequences/s; checkpoint {CheckpointPath}");
}

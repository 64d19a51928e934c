using System.Diagnostics;
using CustomerAnalytics.Sequences;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn;

/// <summary>
/// The training loop of workshop 05 in one call, for the benchmark, the tests and programs: Adam, cross-entropy plus
/// the L2 penalty of <see cref="L2Weights"/>, gradient clipping, a validation pass per epoch reported through
/// <see cref="TrainingProgress"/>, early stopping on the configured metric with patience, and the best epoch's
/// weights restored at the end (<see cref="BestWeights"/>). The notebook writes the same loop out in its cells from
/// the same helpers. Seeded: the same seed gives the same run on the CPU.
/// </summary>
public static class SequenceTrainer
{
    /// <summary>Trains the model of <paramref name="config"/> on <paramref name="data"/> (train part; validation for early stopping).</summary>
    public static TrainingResult Train(ModelConfig config, SequenceSplit data, IEnumerable<IProgressSink>? sinks = null)
    {
        var t = config.Training;
        RequireExamples(data);
        var device = TorchDevice.Current;
        var watch = Stopwatch.StartNew();
        TorchDevice.Seed(t.Seed);
        var network = SequenceModel.Create(config.Init, data.Train.Vocabulary.Count, data.Train.Classes);
        network.to(device);
        var model = new TrainedModel(network, config, data.Train.Vocabulary, data.Train.ClassNames);
        var weights = L2Weights.Of(network);
        using var optimizer = optim.Adam(network.parameters(), t.LearningRate);
        var progress = new TrainingProgress(config.Name, t.Epochs, t.Metric, sinks);
        var random = new Random(t.Seed);
        using var best = new BestWeights();
        // Patience 0 stops at the first epoch without improvement, as patience 1 does.
        var stopping = new EarlyStopping(Math.Max(1, t.Patience), lowerIsBetter: false, minDelta: 1e-9);
        for (int epoch = 1; epoch <= t.Epochs && !stopping.ShouldStop; epoch++)
        {
            network.train();
            double lossSum = 0;
            foreach (var batch in TrainingBatches.Shuffled(data.Train, t, random))
            {
                using var scope = NewDisposeScope();
                var (tokens, lengths, labels) = data.Train.Batch(batch, device);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(network.call(tokens, lengths), labels) + L2Weights.Penalty(weights, t.L2);
                loss.backward();
                if (t.ClipNorm > 0) nn.utils.clip_grad_norm_(network.parameters(), t.ClipNorm);
                optimizer.step();
                lossSum += loss.item<float>() * batch.Length;
            }
            var (report, validationLoss) = Validate(model, data.Validation);
            progress.Report(epoch, lossSum / Math.Max(1, TrainingBatches.ExamplesPerEpoch(data.Train, t)), report.Metric(t.Metric), validationLoss);
            if (stopping.Update(epoch, report.Metric(t.Metric))) best.Keep(network, report);
        }
        var validation = best.Restore(network);
        network.eval();
        return Result(model, progress, stopping, validation, watch.Elapsed.TotalSeconds, TrainingBatches.ExamplesPerEpoch(data.Train, t));
    }

    /// <summary>Fails with what to do when the train or validation part is empty.</summary>
    public static void RequireExamples(SequenceSplit data)
    {
        if (data.Train.Count == 0 || data.Validation.Count == 0)
            throw new ChurnDataException($"Training needs examples in both the train ({data.Train.Count}) and validation ({data.Validation.Count}) parts; use more users or other split shares.");
    }

    /// <summary>Validation scores of <paramref name="model"/> on <paramref name="data"/> and its mean cross-entropy.</summary>
    public static (ClassificationReport Report, double Loss) Validate(TrainedModel model, SequenceDataset data)
    {
        var predictions = model.Predict(data);
        double loss = 0;
        for (int i = 0; i < data.Count; i++) loss -= Math.Log(Math.Max(1e-12, predictions.Probabilities[i][data.Labels[i]]));
        return (predictions.Report, loss / Math.Max(1, data.Count));
    }

    /// <summary>
    /// The result of a finished run: the model (its best weights already restored), the epochs reported to
    /// <paramref name="progress"/>, the best epoch of <paramref name="stopping"/> and its validation scores.
    /// </summary>
    public static TrainingResult Result(TrainedModel model, TrainingProgress progress, EarlyStopping stopping, ClassificationReport validation, double seconds, int examplesPerEpoch) =>
        new(model, progress.History, stopping.BestEpoch, validation, stopping.ShouldStop && progress.History.Count < progress.TotalEpochs,
            seconds, progress.History.Count * (double)examplesPerEpoch / Math.Max(1e-9, seconds));
}

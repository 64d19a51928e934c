using System.Diagnostics;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;
using TorchSharp;
using static TorchSharp.torch;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// The training loop of workshop 05 in one call, for the benchmark and the tests: Adam, cross-entropy plus the L2
/// penalty of <see cref="L2Weights"/>, gradient clipping, a validation pass per epoch reported through
/// <see cref="TrainingProgress"/>, early stopping on the configured metric with patience, and the best epoch's weights
/// restored at the end (<see cref="ModelCheckpoint"/>). The notebook writes the same loop out in its cells from the
/// same helpers. Seeded: the same seed gives the same run on the CPU.
/// </summary>
public static class ChurnTraining
{
    /// <summary>Trains the model of <paramref name="config"/> on <paramref name="data"/> (train part; validation for early stopping).</summary>
    public static TrainingResult Train(ModelConfig config, DataSplit<SequenceDataset> data, IEnumerable<IProgressSink>? sinks = null)
    {
        var t = config.Training;
        SequenceTrainer.RequireExamples(data);
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
        using var best = new ModelCheckpoint();
        ClassificationReport? bestValidation = null;
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
            var (report, validationLoss) = SequenceTrainer.Validate(model, data.Validation);
            progress.Report(epoch, lossSum / Math.Max(1, TrainingBatches.ExamplesPerEpoch(data.Train, t)), report.Metric(t.Metric), validationLoss);
            if (stopping.Update(epoch, report.Metric(t.Metric))) { best.Save(network); bestValidation = report; }
        }
        best.Restore(network);
        network.eval();
        return SequenceTrainer.Result(model, progress, stopping, bestValidation!, watch.Elapsed.TotalSeconds, TrainingBatches.ExamplesPerEpoch(data.Train, t));
    }
}

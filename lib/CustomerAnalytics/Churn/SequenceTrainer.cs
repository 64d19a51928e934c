using System.Diagnostics;
using CustomerAnalytics.Sequences;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn;

/// <summary>
/// Trains a <see cref="SequenceModel"/>: Adam, cross-entropy plus an explicit L2 penalty on the weights, a validation
/// pass per epoch reported through <see cref="TrainingProgress"/>, early stopping on the configured metric with
/// patience, and the best epoch's weights restored at the end. Seeded: the same seed gives the same run on the CPU.
/// </summary>
public static class SequenceTrainer
{
    /// <summary>Trains the model of <paramref name="config"/> on <paramref name="data"/> (train part; validation for early stopping).</summary>
    public static TrainingResult Train(ModelConfig config, SequenceSplit data, IEnumerable<IProgressSink>? sinks = null)
    {
        var t = config.Training;
        if (data.Train.Count == 0 || data.Validation.Count == 0)
            throw new ChurnDataException($"Training needs examples in both the train ({data.Train.Count}) and validation ({data.Validation.Count}) parts; use more users or other split shares.");
        var device = TorchDevice.Current;
        TorchDevice.Seed(t.Seed);
        var network = SequenceModel.Create(config.Init, data.Train.Vocabulary.Count, data.Train.Classes);
        network.to(device);
        var model = new TrainedModel(network, config, data.Train.Vocabulary, data.Train.ClassNames);
        // L2 on weight matrices (linear layers, GRU/LSTM weight_ih/weight_hh), not on biases, norms or the embedding.
        var weights = network.named_parameters()
            .Where(p => p.name.Split('.')[^1].StartsWith("weight") && p.parameter.dim() > 1 && !p.name.StartsWith("embedding"))
            .Select(p => p.parameter).ToArray();
        using var optimizer = optim.Adam(network.parameters(), t.LearningRate);
        var progress = new TrainingProgress(config.Name, t.Epochs, t.Metric, sinks);
        var random = new Random(t.Seed);
        var watch = Stopwatch.StartNew();
        Dictionary<string, Tensor>? best = null;
        // Patience 0 stops at the first epoch without improvement, as patience 1 does.
        var stopping = new EarlyStopping(Math.Max(1, t.Patience), lowerIsBetter: false, minDelta: 1e-9);
        long seen = 0;
        ClassificationReport? bestReport = null;
        bool stoppedEarly = false;
        for (int epoch = 1; epoch <= t.Epochs; epoch++)
        {
            network.train();
            double lossSum = 0;
            int examples = 0;
            foreach (var batch in Batches(data.Train, t, random))
            {
                using var scope = NewDisposeScope();
                var (tokens, lengths, labels) = data.Train.Batch(batch, device);
                var loss = nn.functional.cross_entropy(network.call(tokens, lengths), labels);
                if (t.L2 > 0 && weights.Length > 0) loss = loss + t.L2 * stack(weights.Select(w => w.pow(2).sum()).ToArray()).sum();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * batch.Length;
                examples += batch.Length;
            }
            seen += examples;
            var (report, validationLoss) = Validate(model, data.Validation);
            var metric = report.Metric(t.Metric);
            progress.Report(epoch, lossSum / Math.Max(1, examples), metric, validationLoss);
            if (stopping.Update(epoch, metric))
            {
                bestReport = report;
                if (best is not null) foreach (var v in best.Values) v.Dispose();
                best = network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            }
            else if (stopping.ShouldStop) { stoppedEarly = epoch < t.Epochs; break; }
        }
        network.load_state_dict(best!);
        foreach (var v in best!.Values) v.Dispose();
        network.eval();
        var seconds = watch.Elapsed.TotalSeconds;
        return new TrainingResult(model, progress.History, stopping.BestEpoch, bestReport!, stoppedEarly, seconds, seen / Math.Max(1e-9, seconds));
    }

    /// <summary>Validation scores and mean cross-entropy.</summary>
    private static (ClassificationReport Report, double Loss) Validate(TrainedModel model, SequenceDataset data)
    {
        var predictions = model.Predict(data);
        double loss = 0;
        for (int i = 0; i < data.Count; i++) loss -= Math.Log(Math.Max(1e-12, predictions.Probabilities[i][data.Labels[i]]));
        return (predictions.Report, loss / Math.Max(1, data.Count));
    }

    /// <summary>Shuffled batches (a seeded sample of MaxTrainExamples when set). Each run of 20 batches is sorted by
    /// length so a batch holds similar lengths and pads little; the batch order stays random.</summary>
    private static IEnumerable<int[]> Batches(SequenceDataset data, TrainingSettings t, Random random)
    {
        var order = Enumerable.Range(0, data.Count).ToArray();
        random.Shuffle(order);
        if (t.MaxTrainExamples > 0 && t.MaxTrainExamples < order.Length) order = order[..t.MaxTrainExamples];
        var chunk = t.BatchSize * 20;
        var batches = new List<int[]>();
        for (int start = 0; start < order.Length; start += chunk)
        {
            var sorted = order[start..Math.Min(order.Length, start + chunk)].OrderBy(i => data.Sequences[i].Length).ToArray();
            for (int b = 0; b < sorted.Length; b += t.BatchSize) batches.Add(sorted[b..Math.Min(sorted.Length, b + t.BatchSize)]);
        }
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }
}

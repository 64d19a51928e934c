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
/// restored at the end (<see cref="ModelCheckpoint"/>). Seeded: the same seed gives the same run on the CPU.
/// The notebook writes this loop out in its cells; the functions below are copies of those cells (same names, same
/// bodies), which <c>NotebookCopyTests</c> compares with the notebook, so the copy cannot drift from the lesson.
/// </summary>
public static class ChurnTraining
{
    /// <summary>Trains the model of <paramref name="config"/> on <paramref name="data"/> (train part; validation for
    /// early stopping), on <see cref="TorchDevice.Current"/>; progress goes to <paramref name="sinks"/> (the notebook's
    /// default sinks when null).</summary>
    public static TrainingResult Train(ModelConfig config, DataSplit<SequenceDataset> data, IEnumerable<IProgressSink>? sinks = null) =>
        new Cells(TorchDevice.Current, sinks).Train(config, data);

    // The notebook's functions; device is the notebook's variable, sinks the copy's addition (stated in the test).
    private sealed class Cells(Device device, IEnumerable<IProgressSink>? sinks)
    {
        private TrainedModel NewModel(ModelConfig config, DataSplit<SequenceDataset> data)
        {
            SequenceTrainer.RequireExamples(data);
            TorchDevice.Seed(config.Training.Seed);                                           // STEP 1: the seed fixes the initial weights
            var network = SequenceModel.Create(config.Init, data.Train.Vocabulary.Count, data.Train.Classes); // STEP 2: the network
            network.to(device);                                                               // STEP 3: its weights on the device
            return new TrainedModel(network, config, data.Train.Vocabulary, data.Train.ClassNames);
        }

        private static Tensor PenalisedLoss(Tensor logits, Tensor labels, IReadOnlyList<Tensor> weights, double l2)
        {
            var loss = nn.functional.cross_entropy(logits, labels);
            if (l2 == 0 || weights.Count == 0) return loss;
            return loss + l2 * stack(weights.Select(w => w.pow(2).sum()).ToArray()).sum();
        }

        private double TrainEpoch(TrainedModel model, optim.Optimizer optimizer, SequenceDataset train, TrainingOptions t, Random random)
        {
            var (weights, lossSum) = (L2Weights.Of(model.Network), 0.0);
            foreach (var batch in TrainingBatches.Shuffled(train, t, random))                 // STEP 1: batches in a seeded order
            {
                using var scope = NewDisposeScope();
                var (tokens, lengths, labels) = train.Batch(batch, device);
                optimizer.zero_grad();                                                        // STEP 2: clear the gradients
                var loss = PenalisedLoss(model.Network.call(tokens, lengths), labels, weights, t.L2); // STEP 3: forward, loss
                loss.backward();                                                              // STEP 4: the gradients
                if (t.ClipNorm > 0) nn.utils.clip_grad_norm_(model.Network.parameters(), t.ClipNorm); // STEP 5: clip them
                optimizer.step();                                                             // STEP 6: update the weights
                lossSum += loss.cpu().item<float>() * batch.Length;
            }
            return lossSum / TrainingBatches.ExamplesPerEpoch(train, t);
        }

        private (EarlyStopping Stopping, ClassificationReport Validation) RunEpochs(TrainedModel model, optim.Optimizer optimizer, DataSplit<SequenceDataset> data, TrainingProgress progress)
        {
            var (t, random, best) = (model.Config.Training, new Random(model.Config.Training.Seed), new ModelCheckpoint());
            var (stopping, bestValidation) = (new EarlyStopping(Math.Max(1, t.Patience), lowerIsBetter: false, minDelta: 1e-9), (ClassificationReport?)null);
            for (int epoch = 1; epoch <= t.Epochs && !stopping.ShouldStop; epoch++)
            {
                model.Network.train();
                var loss = TrainEpoch(model, optimizer, data.Train, t, random);               // STEP 1: one epoch
                var (validation, validationLoss) = SequenceTrainer.Validate(model, data.Validation); // STEP 2: validate
                progress.Report(epoch, loss, validation.Metric(t.Metric), validationLoss, isBest: stopping.Update(epoch, validation.Metric(t.Metric)));
                if (stopping.BestEpoch == epoch) { best.Save(model.Network); bestValidation = validation; } // STEP 3: keep the best
            }
            best.Restore(model.Network);                                                      // STEP 4: the best epoch's weights
            return (stopping, bestValidation!);
        }

        public TrainingResult Train(ModelConfig config, DataSplit<SequenceDataset> data)
        {
            var watch = Stopwatch.StartNew();
            var model = NewModel(config, data);                                               // STEP 1: a seeded model
            using var optimizer = optim.Adam(model.Network.parameters(), config.Training.LearningRate); // STEP 2: Adam
            var progress = new TrainingProgress(config.Name, config.Training.Epochs, config.Training.Metric, sinks);
            var (stopping, validation) = RunEpochs(model, optimizer, data, progress);         // STEP 3: the epochs
            progress.Finish();
            var examples = TrainingBatches.ExamplesPerEpoch(data.Train, config.Training);
            return SequenceTrainer.Result(model, progress, stopping, validation, watch.Elapsed.TotalSeconds, examples);
        }
    }
}

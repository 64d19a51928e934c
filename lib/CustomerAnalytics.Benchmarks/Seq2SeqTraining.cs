using System.Diagnostics;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// Workshop 04's training loop for the benchmark and the tests: a <see cref="Seq2SeqModel"/> trained with teacher
/// forcing (the decoder reads the true previous token and learns to predict the next one), cross-entropy ignoring
/// padding, gradient clipping, Adam; after each epoch the validation loss and token accuracy, the best weights kept in
/// a checkpoint, early stopping when the validation loss stops improving; the model ends with the best weights.
/// The notebook writes this loop out in its cells; the functions below are copies of those cells (same names, same
/// bodies), which <c>NotebookCopyTests</c> compares with the notebook, so the copy cannot drift from the lesson.
/// </summary>
public static class Seq2SeqTraining
{
    /// <summary>Trains <paramref name="model"/> on <paramref name="train"/>, validating on <paramref name="validation"/>.</summary>
    /// <param name="model">The model to train; it ends with the best epoch's weights, in evaluation mode.</param>
    /// <param name="train">Training pairs (shuffled into batches with a new seeded order every epoch).</param>
    /// <param name="validation">Validation pairs, measured after every epoch (loss and token accuracy).</param>
    /// <param name="options">Epochs, batch size, learning rate, patience, clipping, seed; defaults when null.</param>
    /// <param name="checkpointPath">Where the best epoch's weights go.</param>
    /// <param name="progress">Live progress (a notebook chart or console lines); created when null.</param>
    public static Seq2SeqTrainingResult Train(Seq2SeqModel model, IReadOnlyList<EncodedPair> train, IReadOnlyList<EncodedPair> validation,
        TrainingOptions? options, string checkpointPath, TrainingProgress? progress = null)
    {
        options ??= new TrainingOptions();
        if (train.Count == 0) throw new ArgumentException("No training sequences.", nameof(train));
        if (validation.Count == 0) throw new ArgumentException("No validation sequences: keep a validation fraction above 0.", nameof(validation));
        // The notebook's parameters, by the notebook's names.
        var (epochs, patience, learningRate, seed) = (options.Epochs, options.Patience, options.LearningRate, options.Seed);
        var cells = new Cells(options.BatchSize, options.ClipNorm);
        progress ??= new TrainingProgress("seq2seq", epochs, "val token accuracy");
        using var optimizer = torch.optim.Adam(model.parameters(), learningRate);
        var (stopping, checkpoint) = (new EarlyStopping(patience), new ModelCheckpoint(checkpointPath));
        var watch = new Stopwatch();   // the copy's addition: training time, for the benchmark's throughput
        long sequences = 0;
        for (int epoch = 1; epoch <= epochs && !stopping.ShouldStop; epoch++)
        {
            watch.Start();
            var loss = cells.TrainEpoch(model, optimizer, train, seed + epoch);
            watch.Stop();
            sequences += train.Count;
            var (validationLoss, accuracy) = cells.Validate(model, validation);
            progress.Report(epoch, loss, accuracy, validationLoss, isBest: stopping.Update(epoch, validationLoss));
            if (stopping.BestEpoch == epoch) checkpoint.Save(model);              // a new best: keep its weights
        }
        checkpoint.Restore(model);                                                // back to the best epoch's weights
        model.eval();
        int run = progress.History.Count;
        return new Seq2SeqTrainingResult(progress.History.ToArray(), stopping.BestEpoch, run < epochs, checkpoint.Path!,
            watch.Elapsed.TotalSeconds, sequences / Math.Max(watch.Elapsed.TotalSeconds, 1e-9));
    }

    /// <summary>Cross-entropy over every decoder position, ignoring padding (the notebook's <c>SequenceLoss</c>).</summary>
    public static torch.Tensor SequenceLoss(torch.Tensor logits, torch.Tensor targets) =>
        torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1), ignore_index: Vocabulary.PadId);

    // The notebook's functions that read its batchSize and maxGradientNorm parameters.
    private sealed class Cells(int batchSize, double maxGradientNorm)
    {
        private float TrainStep(Seq2SeqModel model, torch.optim.Optimizer optimizer, SequenceBatch batch)
        {
            optimizer.zero_grad();                                                            // forget the last step's gradients
            var logits = model.call(batch.Inputs, batch.InputLengths, batch.DecoderInputs);   // forward (teacher forcing)
            var loss = SequenceLoss(logits, batch.DecoderTargets);
            loss.backward();                                                                  // gradients of the loss
            torch.nn.utils.clip_grad_norm_(model.parameters(), maxGradientNorm);              // tame the rare huge gradient
            optimizer.step();                                                                 // move the weights against the gradients
            return loss.item<float>();
        }

        public double TrainEpoch(Seq2SeqModel model, torch.optim.Optimizer optimizer, IReadOnlyList<EncodedPair> pairs, int shuffleSeed)
        {
            model.train();                                                                    // training mode
            double total = 0;
            foreach (var chunk in SequenceBatch.Chunks(pairs, batchSize, shuffleSeed))
                using (torch.NewDisposeScope())                                               // frees this step's tensors afterwards
                    total += TrainStep(model, optimizer, SequenceBatch.Create(chunk, model.Device)) * chunk.Count;
            return total / pairs.Count;                                                       // mean loss, batches weighted by size
        }

        public (double Loss, double TokenAccuracy) Validate(Seq2SeqModel model, IReadOnlyList<EncodedPair> pairs)
        {
            model.eval();                                                                     // evaluation mode
            double loss = 0; long correct = 0, tokens = 0;
            foreach (var chunk in pairs.Chunk(4 * batchSize))
            using (torch.NewDisposeScope())
            using (torch.no_grad())
            {
                var batch = SequenceBatch.Create(chunk, model.Device);
                var logits = model.call(batch.Inputs, batch.InputLengths, batch.DecoderInputs);
                loss += SequenceLoss(logits, batch.DecoderTargets).item<float>() * chunk.Length;
                var real = batch.DecoderTargets != Vocabulary.PadId;                          // padding is no touchpoint to get right
                correct += (logits.argmax(-1) == batch.DecoderTargets).logical_and(real).sum().item<long>();
                tokens += real.sum().item<long>();
            }
            return (loss / pairs.Count, (double)correct / tokens);
        }
    }
}

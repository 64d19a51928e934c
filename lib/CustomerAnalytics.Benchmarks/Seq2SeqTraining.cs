using System.Diagnostics;
using CustomerAnalytics.Sequences;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// Trains a <see cref="Seq2SeqModel"/> with teacher forcing: the decoder reads the true previous token
/// and learns to predict the next one, cross-entropy ignoring padding, Adam. After each epoch it
/// measures validation loss and token accuracy, reports them, keeps the best weights in a checkpoint
/// and stops early when the validation loss stops improving. The model ends with the best weights.
/// Workshop 04 writes this same loop out in its cells (one step, one epoch, validation, the epochs), calling the
/// same helpers (<see cref="SequenceBatch"/>, <see cref="EarlyStopping"/>, <see cref="ModelCheckpoint"/>,
/// <see cref="TrainingProgress"/>); this copy serves the benchmark and the tests, so it lives outside the library.
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
        progress ??= new TrainingProgress("seq2seq", options.Epochs, "val token accuracy");
        var checkpoint = new ModelCheckpoint(checkpointPath);
        var stopping = new EarlyStopping(options.Patience);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var watch = new Stopwatch();
        long sequences = 0;
        int epoch = 0;
        for (epoch = 1; epoch <= options.Epochs && !stopping.ShouldStop; epoch++)
        {
            watch.Start();
            double loss = TrainEpoch(model, optimizer, train, options, options.Seed + epoch);
            watch.Stop();
            sequences += train.Count;
            var (validationLoss, accuracy) = Validate(model, validation, options.BatchSize * 4);
            progress.Report(epoch, loss, accuracy, validationLoss);
            if (stopping.Update(epoch, validationLoss)) checkpoint.Save(model);
        }
        checkpoint.Restore(model);
        model.eval();
        int run = progress.History.Count;
        return new Seq2SeqTrainingResult(progress.History.ToArray(), stopping.BestEpoch, run < options.Epochs, checkpoint.Path!,
            watch.Elapsed.TotalSeconds, sequences / Math.Max(watch.Elapsed.TotalSeconds, 1e-9));
    }

    private static double TrainEpoch(Seq2SeqModel model, optim.Optimizer optimizer, IReadOnlyList<EncodedPair> train, TrainingOptions options, int seed)
    {
        model.train();
        double total = 0;
        foreach (var chunk in SequenceBatch.Chunks(train, options.BatchSize, seed))
        {
            using var scope = NewDisposeScope();
            using var batch = SequenceBatch.Create(chunk, model.Device);
            optimizer.zero_grad();
            var loss = Loss(model.call(batch.Inputs, batch.InputLengths, batch.DecoderInputs), batch.DecoderTargets);
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), options.ClipNorm);
            optimizer.step();
            total += loss.item<float>() * chunk.Count;
        }
        return total / train.Count;
    }

    /// <summary>Mean validation loss (per token, averaged over batches by size) and teacher-forced token accuracy (every target token and &lt;stop&gt;, padding excluded).</summary>
    public static (double Loss, double TokenAccuracy) Validate(Seq2SeqModel model, IReadOnlyList<EncodedPair> pairs, int batchSize = 256)
    {
        model.eval();
        double loss = 0; long correct = 0, tokens = 0;
        foreach (var chunk in pairs.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            using var batch = SequenceBatch.Create(chunk, model.Device);
            var logits = model.call(batch.Inputs, batch.InputLengths, batch.DecoderInputs);
            loss += Loss(logits, batch.DecoderTargets).item<float>() * chunk.Length;
            var real = batch.DecoderTargets != Vocabulary.PadId;
            correct += (logits.argmax(-1) == batch.DecoderTargets).logical_and(real).sum().item<long>();
            tokens += real.sum().item<long>();
        }
        return (loss / pairs.Count, (double)correct / tokens);
    }

    /// <summary>Cross-entropy over every output position, ignoring padding.</summary>
    public static Tensor Loss(Tensor logits, Tensor targets) =>
        nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1), ignore_index: Vocabulary.PadId);
}

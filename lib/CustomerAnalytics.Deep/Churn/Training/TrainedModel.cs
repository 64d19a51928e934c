using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// A trained network with what it needs to be used again: its configuration, vocabulary and class names.
/// <see cref="Save"/> writes model.bin (weights), params.json (configuration) and vocabulary.json to a folder.
/// </summary>
public sealed class TrainedModel(SequenceModel network, ModelConfig config, Vocabulary vocabulary, IReadOnlyList<string> classNames) : IDisposable
{
    /// <summary>File name of the weights in a run folder.</summary>
    public const string WeightsFile = "model.bin", ParamsFile = "params.json", VocabularyFile = "vocabulary.json";

    /// <summary>The network (in evaluation mode after training).</summary>
    public SequenceModel Network { get; } = network;
    /// <summary>The configuration it was built and trained with (grid values applied).</summary>
    public ModelConfig Config { get; } = config;
    /// <summary>Event names to token ids.</summary>
    public Vocabulary Vocabulary { get; } = vocabulary;
    /// <summary>Names of the output classes.</summary>
    public IReadOnlyList<string> ClassNames { get; } = classNames;

    /// <summary>Writes the weights, configuration and vocabulary into <paramref name="folder"/> (created).</summary>
    public void Save(string folder)
    {
        // Each file is written whole or not at all (a run store reader skips a folder without its metrics).
        AtomicFile.WriteFile(Path.Combine(folder, WeightsFile), temporary => Network.save(temporary));
        AtomicFile.WriteAllText(Path.Combine(folder, ParamsFile), Config.ToJson());
        Vocabulary.Save(Path.Combine(folder, VocabularyFile));
    }

    /// <summary>Loads a model saved by <see cref="Save"/> (a run folder) onto the current device.</summary>
    public static TrainedModel Load(string folder)
    {
        foreach (var f in new[] { WeightsFile, ParamsFile, VocabularyFile })
            if (!File.Exists(Path.Combine(folder, f)))
                throw new RunStoreException($"{Path.Combine(folder, f)} is missing: {folder} is not a complete saved model. Train and save again, or pick another run from RunStore.List().");
        var config = ModelConfig.Load(Path.Combine(folder, ParamsFile));
        Vocabulary vocabulary;
        try { vocabulary = Vocabulary.Load(Path.Combine(folder, VocabularyFile)); }
        catch (InvalidDataException e)
        {
            throw new ModelFileException($"{e.Message} Or delete the run folder {folder} and train again.", Path.Combine(folder, VocabularyFile), e);
        }
        var classes = config.Task == SequenceTask.Churn ? (IReadOnlyList<string>)["retained", "churned"] : vocabulary.Tokens;
        var network = SequenceModel.Create(config.Init, vocabulary.Count, classes.Count);
        try { ModelCheckpoint.Load(network, Path.Combine(folder, WeightsFile), TorchDevice.Current); }
        catch (ModelFileException e)
        {
            network.Dispose();
            throw new ModelFileException($"{e.Message} It is the model of the run folder {folder}: delete that folder (or pick another run " +
                "from RunStore.List()) and train again.", e.Path, e.InnerException);
        }
        network.eval();
        return new TrainedModel(network, config, vocabulary, classes);
    }

    /// <summary>
    /// Predicts every example of <paramref name="data"/> without gradients, in batches of similar lengths (sorted by
    /// length, so a batch pads little); the results are in the data's order.
    /// </summary>
    public Predictions Predict(SequenceDataset data, int batchSize = 512)
    {
        Network.eval();
        var predicted = new int[data.Count];
        var probabilities = new float[data.Count][];
        var byLength = Enumerable.Range(0, data.Count).OrderBy(i => data.Sequences[i].Length).ToArray();
        using var _ = no_grad();
        for (int start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var idx = byLength[start..Math.Min(data.Count, start + batchSize)];
            var (tokens, lengths, _) = data.Batch(idx, TorchDevice.Current);
            var p = Network.call(tokens, lengths).softmax(1).cpu();
            var flat = p.data<float>().ToArray();
            int c = (int)p.shape[1];
            for (int r = 0; r < idx.Length; r++)
            {
                var row = flat.AsSpan(r * c, c).ToArray();
                probabilities[idx[r]] = row;
                predicted[idx[r]] = Array.IndexOf(row, row.Max());
            }
        }
        return new Predictions(data.Labels, predicted, probabilities, ClassNames);
    }

    /// <summary>
    /// Class probabilities for one sequence of event names. Names the model never saw raise
    /// <see cref="UnknownEventException"/> (with counts) unless <paramref name="allowUnknown"/> maps them to &lt;unk&gt;.
    /// </summary>
    public IReadOnlyDictionary<string, double> PredictEvents(IReadOnlyList<string> events, bool allowUnknown = false)
    {
        if (events.Count == 0) throw new ChurnDataException("An empty event sequence cannot be scored: pass at least one event.");
        var unknown = events.Where(n => !Vocabulary.Contains(n)).GroupBy(n => n).Select(g => $"'{g.Key}' x{g.Count()}").ToArray();
        if (!allowUnknown && unknown.Length > 0)
            throw new UnknownEventException($"{unknown.Length} event name(s) unknown to the model: {string.Join(", ", unknown)}. " +
                $"Known: {string.Join(", ", Vocabulary.DataTokens)}. Map them to known names, retrain with them, or allow unknown events (they become {Vocabulary.Unknown}).");
        var ids = Vocabulary.Encode(events);
        var one = new SequenceDataset
        {
            Task = Config.Task, Sequences = [ids], Labels = [0], UserIds = ["input"], ClassNames = ClassNames, Vocabulary = Vocabulary,
        };
        var p = Predict(one).Probabilities[0];
        return ClassNames.Select((n, i) => (n, i)).Where(x => x.i < p.Length).ToDictionary(x => x.n, x => (double)p[x.i]);
    }

    /// <inheritdoc />
    public void Dispose() => Network.Dispose();
}

using CustomerAnalytics.Data;
using CustomerAnalytics.SampleData;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Workshop 04: training throughput (sequences per second) and peak memory of the default seq2seq LSTM
/// on the 5,000-journey sample, 3 epochs on the CPU.</summary>
public sealed class LstmBenchmark : IBenchmark
{
    private const int Epochs = 3;

    public string Name => "lstm-journeys";
    public string Description => $"train the default seq2seq LSTM (attention) on the 5,000-journey sample for {Epochs} epochs; report sequences/s";

    public object? Setup(string workFolder)
    {
        var folder = Path.Combine(workFolder, "journeys");
        var path = Path.Combine(folder, JourneyGenerator.FileName);
        if (!File.Exists(path)) new JourneyGenerator().Write(folder, Path.Combine(folder, "truth"));
        TorchDevice.Select();
        var split = DataSplit.Create(SequencePair.FromJourneys(JourneyLoader.Load(path).Records), new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 42 });
        var vocabulary = Vocabulary.Build(split.Train.Select(j => j.Input.Concat(j.Target)), startStop: true);
        var encoder = new SequenceEncoder(vocabulary, 20, 5);
        return (vocabulary, encoder.Encode(split.Train).Pairs, encoder.Encode(split.Validation).Pairs, folder);
    }

    public string Run(object? state)
    {
        var (vocabulary, train, validation, folder) = ((Vocabulary, IReadOnlyList<EncodedPair>, IReadOnlyList<EncodedPair>, string))state!;
        var model = Seq2SeqModel.Create(vocabulary.Count, new Seq2SeqOptions(), 42, TorchDevice.Current);
        var result = Seq2SeqTraining.Train(model, train, validation,
            new TrainingOptions { Epochs = Epochs, Patience = Epochs }, Path.Combine(folder, "lstm-bench.bin"),
            new TrainingProgress("lstm", Epochs, sinks: []));
        return $"{train.Count:N0} sequences x {result.History.Count} epochs: {result.SequencesPerSecond:F0} sequences/s, " +
               $"val token accuracy {result.Best.Metric:P1}, threads {TorchSharp.torch.get_num_threads()}";
    }
}

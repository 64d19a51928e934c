using System.Diagnostics;
using System.Globalization;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// Workshop 05: training throughput (sequences per second, training passes only) of the GRU with global attention and
/// the Transformer on the GA4 sample's next-event and churn data, with every shape printed so that the PyTorch peer
/// (peers/churn_torch.py, same models, batches, optimiser and threads) can be timed against it.
/// </summary>
public sealed class ChurnBenchmark : IBenchmark
{
    public string Name => "churn-throughput";
    public string Description => "train RNN (GRU 32 + global attention) and Transformer (2 layers x 2 heads, width 32) one epoch each on the GA4 sample's next-event and churn data; sequences/s of the training passes (one thread, as the notebook; peer: peers/churn_torch.py)";

    public object? Setup(string workFolder)
    {
        var root = Workshop.Start(AppContext.BaseDirectory).DataFolder;
        var log = EventLog.Load(Path.Combine(root, "ga4", "ga4_events.csv"));
        var labels = ChurnLabels.Compute(log);
        var data = (SequenceBuilder.NextEvent(log).SplitByUser().Train, SequenceBuilder.Churn(log, labels).SplitByUser().Train);
        TorchDevice.Select();
        set_num_threads(1); // as the notebook: one thread beats two that wait on each other for models this small
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   TorchSharp on {TorchDevice.Current.type}, threads {get_num_threads()}; vocabulary {data.Item1.Vocabulary.Count}; next event {data.Item1.Count:N0} training sequences (longest {data.Item1.MaxLength}, batch 64), churn {data.Item2.Count:N0} (longest {data.Item2.MaxLength}, batch 32); RNN: embedding 16, GRU 32 x 1 layer, additive attention, dense 32; Transformer: width 32, 2 layers, 2 heads of 16, feed-forward 64; dropout 0.1, ReLU; Adam 3e-3, L2 1e-5, clip 1.0"));
        return data;
    }

    public string Run(object? state)
    {
        var (next, churn) = ((SequenceDataset, SequenceDataset))state!;
        var parts = new List<string>();
        foreach (var architecture in new[] { "rnn", "transformer" })
            foreach (var (data, batch) in new[] { (next, 64), (churn, 32) })
            {
                var settings = new ModelSettings { Architecture = architecture, Layers = architecture == "rnn" ? 1 : 2 };
                var seconds = TrainOneEpoch(settings, data, new TrainingOptions { BatchSize = batch });
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{architecture}-{data.Task} {data.Count / seconds:N0}/s"));
            }
        return string.Join("; ", parts);
    }

    // The notebook's training step (zero_grad, forward, loss + L2, backward, clip, step); only the batches are timed.
    private static double TrainOneEpoch(ModelSettings settings, SequenceDataset data, TrainingOptions t)
    {
        TorchDevice.Seed(t.Seed);
        using var network = SequenceModel.Create(settings, data.Vocabulary.Count, data.Classes);
        network.to(TorchDevice.Current).train();
        var weights = L2Weights.Of(network);
        using var optimizer = optim.Adam(network.parameters(), t.LearningRate);
        var batches = TrainingBatches.Shuffled(data, t, new Random(t.Seed));
        var watch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var (tokens, lengths, labels) = data.Batch(batch, TorchDevice.Current);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(network.call(tokens, lengths), labels) + L2Weights.Penalty(weights, t.L2);
            loss.backward();
            nn.utils.clip_grad_norm_(network.parameters(), t.ClipNorm);
            optimizer.step();
        }
        return watch.Elapsed.TotalSeconds;
    }
}

using System.Globalization;
using CustomerAnalytics.Churn;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Workshop 05: training throughput (sequences per second) of the RNN and the Transformer on the GA4 sample.</summary>
public sealed class ChurnBenchmark : IBenchmark
{
    public string Name => "churn-throughput";
    public string Description => "train RNN (GRU + global attention) and Transformer (2x2) one epoch each on the GA4 sample's next-event and churn data; reports sequences/s";

    public object? Setup(string workFolder)
    {
        var root = Workshop.Start(AppContext.BaseDirectory).DataFolder;
        var log = EventLog.Load(Path.Combine(root, "ga4", "ga4_events.csv"));
        var labels = ChurnLabels.Compute(log);
        return (SequenceBuilder.NextEvent(log).SplitByUser(), SequenceBuilder.Churn(log, labels).SplitByUser());
    }

    public string Run(object? state)
    {
        var (next, churn) = ((DataSplit<SequenceDataset>, DataSplit<SequenceDataset>))state!;
        var quiet = new IProgressSink[] { new ConsoleProgressSink(TextWriter.Null) };
        var parts = new List<string>();
        foreach (var architecture in new[] { "rnn", "transformer" })
            foreach (var (task, data) in new[] { (SequenceTask.NextEvent, next), (SequenceTask.Churn, churn) })
            {
                var config = new ModelConfig
                {
                    Name = $"{architecture}-{task}", Task = task,
                    Init = new ModelSettings { Architecture = architecture, Layers = architecture == "rnn" ? 1 : 2 },
                    Training = new TrainingOptions { Epochs = 1, BatchSize = task == SequenceTask.Churn ? 32 : 64 },
                };
                var result = ChurnTraining.Train(config, data, quiet);
                result.Model.Dispose();
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{config.Name} {data.Train.Count:N0} seq in {result.Seconds:F1}s = {result.ExamplesPerSecond:N0}/s"));
            }
        return string.Join("; ", parts);
    }

}

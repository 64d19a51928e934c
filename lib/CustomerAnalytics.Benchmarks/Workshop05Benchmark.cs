using System.Diagnostics;
using System.Globalization;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.SampleData;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Benchmarks;

/// <summary>
/// Workshop 05's steps with the notebook's defaults on generated GA4 data (the GA4 part of
/// <c>--generate-data DIR --large</c>, cached in the work folder): load, labels, both datasets split by user, the
/// caps, the four default grid searches, the test predictions. Prints each step's time and the four test accuracies.
/// </summary>
public abstract class Workshop05Benchmark(int users, bool capped) : IBenchmark
{
    // The notebook's parameter cell (notebooks/05-churn-attention.ipynb).
    private const int ChurnEpochs = 30, NextEventEpochs = 3, MaxTrainExamples = 4000, MaxValidationExamples = 4000, Seed = 42;

    public string Name => $"workshop05-{users / 1000}k" + (capped ? "" : "-uncapped");
    public string Description => $"workshop 05 with the notebook's defaults on {users:N0} generated GA4 users" +
        (capped ? "; target < 10 min on 2 cores" : ", without the training and validation caps (the reference for the test accuracies)");

    public object? Setup(string workFolder)
    {
        var folder = Path.Combine(workFolder, $"ga4-{users / 1000}k");
        var events = Path.Combine(folder, Ga4EventGenerator.FileName);
        if (!File.Exists(events))
        {
            Console.WriteLine($"   generating {users:N0} GA4 users into {folder} (once)...");
            new Ga4EventGenerator(new Ga4Options { Users = users }).Write(folder, Path.Combine(folder, "truth"));
        }
        TorchDevice.Select();
        TorchSharp.torch.set_num_threads(1); // the notebook's setting
        return events;
    }

    public string Run(object? state)
    {
        // On a shared machine the process's CPU time says more than the wall time: both are printed for each step.
        var steps = new List<string>();
        var (watch, process, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess(), TimeSpan.Zero);
        void Step(string name)
        {
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {watch.Elapsed.TotalSeconds:F0} s (CPU {used.TotalSeconds:F0} s)"));
            Console.WriteLine($"   {steps[^1]}");
            cpu = process.TotalProcessorTime;
            watch.Restart();
        }
        process.Refresh();
        cpu = process.TotalProcessorTime;
        var log = EventLog.Load((string)state!);
        var labels = ChurnLabels.Compute(log);
        var split = new SplitOptions { Seed = Seed };
        var nextEvent = SequenceBuilder.NextEvent(log).SplitByUser(split);
        var churn = SequenceBuilder.Churn(log, labels).SplitByUser(split);
        var caps = new SampleCaps(capped ? MaxTrainExamples : 0, capped ? MaxValidationExamples : 0, Seed);
        Console.WriteLine($"   {log.Events.Count:N0} events; {caps.Describe(("next event", nextEvent), ("churn", churn))}");
        (nextEvent, churn) = (caps.Apply(nextEvent), caps.Apply(churn));
        Step("data");
        var root = Workshop.Start(AppContext.BaseDirectory).Root;
        var quiet = new IProgressSink[] { new ConsoleProgressSink(TextWriter.Null) };
        var accuracies = new List<string>();
        foreach (var (file, epochs, data) in new[] { ("rnn-churn", ChurnEpochs, churn), ("transformer-churn", ChurnEpochs, churn),
                     ("rnn-next-event", NextEventEpochs, nextEvent), ("transformer-next-event", NextEventEpochs, nextEvent) })
        {
            var config = ModelConfig.Load(Path.Combine(root, "notebooks", "config", file + ".json"));
            var sample = capped && config.Training.MaxTrainExamples > 0 ? MaxTrainExamples : 0;
            config = config with { Training = config.Training with { Epochs = epochs, Seed = Seed, MaxTrainExamples = sample } };
            TrainingResult? best = null;
            foreach (var combination in config.Combinations())
            {
                var (init, training) = config.Apply(combination);
                var result = ChurnTraining.Train(config with { Init = init, Training = training }, data, quiet);
                if (best is null || result.BestMetric > best.BestMetric) { best?.Model.Dispose(); best = result; }
                else result.Model.Dispose();
            }
            accuracies.Add(string.Create(CultureInfo.InvariantCulture, $"{file} {best!.Model.Predict(data.Test).Report.Accuracy:F4}"));
            best.Model.Dispose();
            Step(file);
        }
        return $"test accuracy: {string.Join(", ", accuracies)}; steps: {string.Join(", ", steps)}";
    }
}

/// <summary>Workshop 05 on 100,000 GA4 users (2.1M events) with the notebook's caps.</summary>
public sealed class Workshop05At100k() : Workshop05Benchmark(100_000, capped: true);

/// <summary>Workshop 05 on 100,000 GA4 users without the caps: the reference accuracies (slow: every epoch trains and validates on everything).</summary>
public sealed class Workshop05At100kUncapped() : Workshop05Benchmark(100_000, capped: false);

/// <summary>Workshop 05 on 20,000 GA4 users with the caps (a smaller large run).</summary>
public sealed class Workshop05At20k() : Workshop05Benchmark(20_000, capped: true);

/// <summary>Workshop 05 on 20,000 GA4 users without the caps.</summary>
public sealed class Workshop05At20kUncapped() : Workshop05Benchmark(20_000, capped: false);

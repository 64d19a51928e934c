using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>Hand-made event logs and tiny datasets for the churn tests.</summary>
internal static class ChurnTestData
{
    public const long T0 = 1_604_193_565_000_000; // 2020-11-01, microseconds
    public static long Minutes(double m) => (long)(m * 60 * Ga4Event.MicrosPerSecond);
    public static long Hours(double h) => Minutes(h * 60);

    public static string SamplePath => Path.Combine(RepositoryPaths.Data, "ga4", "ga4_events.csv");
    public static string TruthPath => Path.Combine(RepositoryPaths.Data, "truth", "ga4_user_types.csv");

    /// <summary>A user whose events are at the given offsets (µs after T0), one session.</summary>
    public static IEnumerable<Ga4Event> User(string id, params (long Offset, string Name)[] events) =>
        events.Select(e => new Ga4Event(id, 1, T0 + e.Offset, e.Name));

    /// <summary>A user who engages at T0 and again at T0 + <paramref name="last"/>.</summary>
    public static IEnumerable<Ga4Event> EngagedUser(string id, long last) =>
        User(id, (0, "session_start"), (1, "user_engagement"), (last + 1, "user_engagement"));

    /// <summary>
    /// A tiny learnable task: sequences over a, b, c, d whose label is 1 when they contain "d" (a few with padding-length
    /// differences), and a vocabulary for them.
    /// </summary>
    public static DataSplit<SequenceDataset> TinyTask(int count = 24, int seed = 1)
    {
        var vocabulary = Vocabulary.Build([["a", "a", "a", "a", "b", "b", "b", "c", "c", "d"]]);
        var random = new Random(seed);
        var sequences = new List<int[]>(); var labels = new List<int>(); var users = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var length = 2 + random.Next(5);
            var s = Enumerable.Range(0, length).Select(_ => 2 + random.Next(3)).ToArray();
            if (i % 2 == 0) s[random.Next(length)] = 5;
            sequences.Add(s); labels.Add(s.Contains(5) ? 1 : 0); users.Add($"u{i}");
        }
        var data = new SequenceDataset
        {
            Task = SequenceTask.Churn, Sequences = sequences, Labels = labels, UserIds = users,
            ClassNames = ["retained", "churned"], Vocabulary = vocabulary,
        };
        // Overfit tests train and validate on the same examples.
        return new DataSplit<SequenceDataset>(data, data, data);
    }

    public static ModelConfig TinyConfig(string architecture, AttentionKind attention = AttentionKind.Global, int epochs = 40, int seed = 7) => new()
    {
        Name = $"tiny-{architecture}-{ModelSettings.AttentionName(attention)}",
        Task = SequenceTask.Churn,
        Init = new ModelSettings { Architecture = architecture, Attention = attention, EmbeddingDim = 8, HiddenSize = 16, Heads = 2, Dropout = 0, FeedForward = 32 },
        Training = new TrainingOptions { Epochs = epochs, BatchSize = 8, LearningRate = 0.02, L2 = 0, Patience = epochs, Metric = "accuracy", Seed = seed },
    };

    /// <summary>
    /// The grid search as the notebook writes it out: one training run per combination, each recorded in
    /// <paramref name="store"/> with <c>inputs.WithConfig(config)</c>; the best model is kept, the others disposed.
    /// </summary>
    public static GridSearchResult Search(ModelConfig config, DataSplit<SequenceDataset> data, RunStore store, RunInputs inputs, IEnumerable<CustomerAnalytics.Training.IProgressSink> sinks)
    {
        var rows = new List<GridSearchRow>();
        (TrainingResult Result, RunInfo Run)? best = null;
        foreach (var combination in config.Combinations())
        {
            var (init, training) = config.Apply(combination);
            var result = ChurnTraining.Train(config with { Init = init, Training = training }, data, sinks);
            var run = store.Record(result, combination, inputs.WithConfig(config));
            rows.Add(GridSearchRow.Of(combination, result, run));
            if (best is null || result.BestMetric > best.Value.Result.BestMetric) { best?.Result.Model.Dispose(); best = (result, run); }
            else result.Model.Dispose();
        }
        return new GridSearchResult(config.Name, config.Training.Metric, rows, best!.Value.Result, best.Value.Run);
    }
}

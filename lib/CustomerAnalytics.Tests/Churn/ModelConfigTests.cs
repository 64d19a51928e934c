using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Tests.Churn;

public class ModelConfigTests
{
    private static string ConfigPath(string name) => Path.Combine(RepositoryPaths.Notebooks, "config", name);

    [Theory]
    [InlineData("rnn-churn.json", "rnn", SequenceTask.Churn, 2, 36)]
    [InlineData("transformer-churn.json", "transformer", SequenceTask.Churn, 2, 12)]
    [InlineData("rnn-next-event.json", "rnn", SequenceTask.NextEvent, 1, 36)]
    [InlineData("transformer-next-event.json", "transformer", SequenceTask.NextEvent, 1, 12)]
    public void WorkshopConfigsParseWithATinyDefaultGridAndTheFullGridAsAnOption(string file, string architecture, SequenceTask task, int runs, int fullRuns)
    {
        var config = ModelConfig.Load(ConfigPath(file));
        Assert.Equal(architecture, config.Init.Architecture);
        Assert.Equal(task, config.Task);
        Assert.Equal(runs, config.Combinations().Count);
        Assert.Equal(fullRuns, (config with { UseFullGrid = true, GridSearchEnabled = true }).Combinations().Count);
    }

    [Theory]
    [InlineData("rnn-churn.json")]
    [InlineData("rnn-next-event.json")]
    public void TheRnnFullGridIsTheOriginalWorkshops(string file)
    {
        var full = FullCombinations(file);
        Assert.Equal(["relu", "tanh"], full.Select(c => c.Init.Activation).Distinct().Order());
        Assert.Equal([AttentionKind.Global, AttentionKind.Self, AttentionKind.MultiHead], full.Select(c => c.Init.Attention).Distinct().Order());
        Assert.Equal([1e-4, 1.5e-4, 2e-4], full.Select(c => c.Training.L2).Distinct().Order());
        Assert.Equal([0.0011, 0.0021], full.Select(c => c.Training.LearningRate).Distinct().Order());
        Assert.All(full, c => Assert.Equal((128, 2, 12, 35, 32, 3),
            (c.Init.HiddenSize, c.Init.Layers, c.Init.Heads, c.Training.Epochs, c.Training.BatchSize, c.Training.Patience)));
    }

    [Theory]
    [InlineData("transformer-churn.json")]
    [InlineData("transformer-next-event.json")]
    public void TheTransformerFullGridIsTheOriginalWorkshops(string file)
    {
        var full = FullCombinations(file);
        Assert.Equal(["relu", "tanh"], full.Select(c => c.Init.Activation).Distinct().Order());
        Assert.Equal([1e-4, 1.5e-4, 2e-4], full.Select(c => c.Training.L2).Distinct().Order());
        Assert.Equal([0.0011, 0.0021], full.Select(c => c.Training.LearningRate).Distinct().Order());
        Assert.All(full, c => Assert.Equal((128, 8, 512, 4, 0.05, 35, 32, 3),
            (c.Init.HiddenSize, c.Init.Layers, c.Init.FeedForward, c.Init.Heads, c.Init.Dropout, c.Training.Epochs, c.Training.BatchSize, c.Training.Patience)));
    }

    private static (ModelSettings Init, TrainingOptions Training)[] FullCombinations(string file)
    {
        var config = ModelConfig.Load(ConfigPath(file)) with { UseFullGrid = true, GridSearchEnabled = true };
        return config.Combinations().Select(config.Apply).ToArray();
    }

    [Fact]
    public void GradientClippingIsReadWrittenAndValidated()
    {
        var config = ModelConfig.Parse("""{ "name": "x", "task": "churn", "training": { "clip_norm": 0.5 } }""");
        Assert.Equal(0.5, config.Training.ClipNorm);
        Assert.Equal(0.5, ModelConfig.Parse(config.ToJson()).Training.ClipNorm);
        Assert.Equal(1.0, ModelConfig.Parse("""{ "name": "x", "task": "churn" }""").Training.ClipNorm);
        var e = Assert.Throws<ChurnConfigException>(() => ModelConfig.Parse("""{ "name": "x", "task": "churn", "training": { "clip_norm": -1 } }"""));
        Assert.Contains("$.training.clip_norm: expected 0 (no clipping) or more", e.Problems);
    }

    [Fact]
    public void UnknownKeysAndWrongTypesAreReportedWithTheirPaths()
    {
        var json = """
            { "name": "x", "task": "churn",
              "init": { "hidden_size": "big", "atention": "global" },
              "training": { "learning_rate": "fast", "epochs": 2.5, "patience": 3 },
              "grid_search": { "grid": { "l2": [0, "none"], "colour": ["red"] } },
              "extra": 1 }
            """;
        var e = Assert.Throws<ChurnConfigException>(() => ModelConfig.Parse(json, "bad.json"));
        Assert.StartsWith("bad.json has 7 problem(s)", e.Message);
        Assert.Contains(e.Problems, p => p.StartsWith("$.extra: unknown key (known: name, task"));
        Assert.Contains("$.init.hidden_size: expected an integer, found a string \"big\"", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("$.init.atention: unknown key (known: architecture, cell"));
        Assert.Contains("$.training.learning_rate: expected a number, found a string \"fast\"", e.Problems);
        Assert.Contains("$.training.epochs: expected an integer, found the number 2.5", e.Problems);
        Assert.Contains("$.grid_search.grid.l2[1]: expected a number, found a string \"none\"", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("$.grid_search.grid.colour: unknown grid parameter"));
    }

    [Fact]
    public void InvalidValuesAreReported()
    {
        var e = Assert.Throws<ChurnConfigException>(() => ModelConfig.Parse("""{ "name": "x", "task": "sales", "init": { "attention": "local" }, "training": { "metric": "auc" } }"""));
        Assert.Contains("$.task: expected \"churn\" or \"next-event\", found \"sales\"", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("$.init.attention: Unknown attention 'local'"));
        Assert.Contains("$.training.metric: expected one of accuracy, precision, recall, f1, found \"auc\"", e.Problems);
    }

    [Fact]
    public void NotJsonOrMissingFileFailsWithTheSource()
    {
        var e = Assert.Throws<ChurnConfigException>(() => ModelConfig.Parse("{ \"name\": ", "broken.json"));
        Assert.StartsWith("broken.json is not valid JSON", e.Message);
        var missing = Assert.Throws<ChurnConfigException>(() => ModelConfig.Load("/no/such/config.json"));
        Assert.Contains("/no/such/config.json", missing.Message);
    }

    [Fact]
    public void RoundTripsThroughJsonAndAppliesGridCombinations()
    {
        var config = ModelConfig.Load(ConfigPath("rnn-churn.json"));
        var again = ModelConfig.Parse(config.ToJson());
        Assert.Equal(config.Init, again.Init);
        Assert.Equal(config.Training, again.Training);
        Assert.Equal(config.Combinations().Count, again.Combinations().Count);
        var (init, training) = config.Apply(new Dictionary<string, string> { ["attention"] = "multi-head", ["learning_rate"] = "0.5", ["l2"] = "0" });
        Assert.Equal(AttentionKind.MultiHead, init.Attention);
        Assert.Equal(0.5, training.LearningRate);
        Assert.Equal(0, training.L2);
    }
}

using CustomerAnalytics.Benchmarks;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Training;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Tests.Churn;

[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public class TrainingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("churn-runs").FullName;
    private static readonly IProgressSink[] Quiet = [new ConsoleProgressSink(TextWriter.Null)];

    public void Dispose() => Directory.Delete(folder, true);

    [Theory]
    [InlineData("rnn", AttentionKind.Global)]
    [InlineData("rnn", AttentionKind.MultiHead)]
    [InlineData("transformer", AttentionKind.Global)]
    public void TinyTaskIsLearnedPerfectly(string architecture, AttentionKind attention)
    {
        var data = ChurnTestData.TinyTask();
        var result = ChurnTraining.Train(ChurnTestData.TinyConfig(architecture, attention), data, Quiet);
        using var model = result.Model;
        Assert.Equal(1.0, model.Predict(data.Train).Report.Accuracy);
        Assert.True(result.History[^1].Loss < result.History[0].Loss / 4, $"loss {result.History[0].Loss} -> {result.History[^1].Loss}");
    }

    [Fact]
    public void SameSeedGivesTheSameRunOnTheCpu()
    {
        var data = ChurnTestData.TinyTask();
        var config = ChurnTestData.TinyConfig("rnn", epochs: 4);
        using var a = ChurnTraining.Train(config, data, Quiet).Model;
        var first = a.Predict(data.Test).Probabilities;
        var historyA = ChurnTraining.Train(config, data, Quiet);
        using var b = historyA.Model;
        Assert.Equal(first.SelectMany(p => p), b.Predict(data.Test).Probabilities.SelectMany(p => p));
        using var c = ChurnTraining.Train(config with { Training = config.Training with { Seed = 99 } }, data, Quiet).Model;
        Assert.NotEqual(first.SelectMany(p => p), c.Predict(data.Test).Probabilities.SelectMany(p => p));
    }

    [Fact]
    public void PredictionsFromLengthSortedBatchesComeBackInTheDataOrder()
    {
        var data = ChurnTestData.TinyTask(count: 30).Test;
        using var model = ChurnTraining.Train(ChurnTestData.TinyConfig("rnn", epochs: 3), ChurnTestData.TinyTask(), Quiet).Model;
        var all = model.Predict(data, batchSize: 4);
        Assert.Contains(data.Sequences, s => s.Length != data.Sequences[0].Length);
        for (int i = 0; i < data.Count; i++)
        {
            var alone = model.Predict(data.Subset([i]));
            Assert.Equal(alone.Predicted[0], all.Predicted[i]);
            Assert.Equal(alone.Probabilities[0], all.Probabilities[i], (a, b) => Math.Abs(a - b) < 1e-5);
        }
    }

    [Fact]
    public void EarlyStoppingKeepsTheBestEpoch()
    {
        var data = ChurnTestData.TinyTask();
        var config = ChurnTestData.TinyConfig("rnn", epochs: 60);
        var result = ChurnTraining.Train(config with { Training = config.Training with { Patience = 2 } }, data, Quiet);
        using var _ = result.Model;
        Assert.True(result.StoppedEarly);
        Assert.Equal(result.History.Count - 2, result.BestEpoch);
        Assert.Equal(result.History.Max(e => e.Metric), result.Validation.Accuracy);
    }

    [Fact]
    public void SavedModelLoadsWithIdenticalPredictions()
    {
        var data = ChurnTestData.TinyTask();
        using var model = ChurnTraining.Train(ChurnTestData.TinyConfig("transformer", epochs: 3), data, Quiet).Model;
        model.Save(folder);
        using var loaded = TrainedModel.Load(folder);
        Assert.Equal(model.Predict(data.Test).Probabilities.SelectMany(p => p), loaded.Predict(data.Test).Probabilities.SelectMany(p => p));
        Assert.Equal(model.Config.Init, loaded.Config.Init);
        Assert.Equal(model.Vocabulary.Tokens, loaded.Vocabulary.Tokens);
    }

    [Fact]
    public void UnknownEventsAtPredictionFailUnlessAllowed()
    {
        var data = ChurnTestData.TinyTask();
        using var model = ChurnTraining.Train(ChurnTestData.TinyConfig("rnn", epochs: 1), data, Quiet).Model;
        var e = Assert.Throws<UnknownEventException>(() => model.PredictEvents(["a", "zzz", "zzz"]));
        Assert.Contains("'zzz' x2", e.Message);
        var p = model.PredictEvents(["a", "zzz"], allowUnknown: true);
        Assert.Equal(1.0, p.Values.Sum(), 5);
    }

    [Fact]
    public void GridSearchRecordsEveryRunAndTheStoreFindsAndReloadsTheBest()
    {
        var data = ChurnTestData.TinyTask();
        var config = ChurnTestData.TinyConfig("rnn", epochs: 3) with
        {
            Grid = new Dictionary<string, IReadOnlyList<string>> { ["attention"] = ["global", "self"], ["learning_rate"] = ["0.02"] },
        };
        var store = new RunStore(folder);
        var inputs = RunInputs.Of(("data", "tiny task"));
        var search = ChurnTestData.Search(config, data, store, inputs, Quiet);
        Assert.Equal(2, search.Rows.Count);
        var runs = store.List(config.Name);
        Assert.Equal(2, runs.Runs.Count);
        foreach (var run in runs.Runs)
        {
            Assert.True(File.Exists(Path.Combine(run.Folder, "params.json")));
            Assert.True(File.Exists(Path.Combine(run.Folder, "model.bin")));
            Assert.Equal(run.BestEpoch, run.Epochs.MaxBy(e => e.Metric)!.Epoch);
            Assert.Equal(3, run.Epochs.Count);
        }
        var best = store.Best(config, inputs);
        Assert.Equal(search.Rows.Max(r => r.Metric), best.Validation["accuracy"], 9);
        var tested = store.RecordTest(best, search.Best.Model.Predict(data.Test).Report);
        Assert.Equal(tested.Test, RunStore.Read(best.Folder).Test);
        using var reloaded = RunStore.Load(best);
        Assert.Equal(search.Best.Model.Predict(data.Test).Predicted, reloaded.Predict(data.Test).Predicted);
        Assert.Contains("<table>", runs.ToHtml());
        search.Best.Model.Dispose();
    }

    [Fact]
    public void L2PenaltyShrinksTheRecurrentAndDenseWeights()
    {
        var data = ChurnTestData.TinyTask();
        var config = ChurnTestData.TinyConfig("rnn", epochs: 10);
        double Norm(ModelConfig c, string prefix)
        {
            using var m = ChurnTraining.Train(c, data, Quiet).Model;
            return m.Network.named_parameters().Where(p => p.name.StartsWith(prefix) && p.name.Contains("weight")).Sum(p => p.parameter.pow(2).sum().item<float>());
        }
        var strong = config with { Training = config.Training with { L2 = 0.05 } };
        Assert.True(Norm(strong, "gru") < Norm(config, "gru") * 0.8);
        Assert.True(Norm(strong, "dense") < Norm(config, "dense") * 0.8);
    }

    [Fact]
    public void MetricsAreComputedFromTheConfusionMatrix()
    {
        var r = ClassificationReport.Compute([1, 1, 1, 0, 0], [1, 0, 1, 1, 0], ["retained", "churned"]);
        Assert.Equal(0.6, r.Accuracy, 9);
        Assert.Equal(2 / 3.0, r.Precision, 9);
        Assert.Equal(2 / 3.0, r.Recall, 9);
        Assert.Equal(2 / 3.0, r.F1, 9);
        Assert.Equal(1, r.Confusion[0, 1]);
        var m = ClassificationReport.Compute([0, 1, 2, 2], [0, 2, 2, 2], ["a", "b", "c"]);
        Assert.Equal((1 + 0 + 2 / 3.0) / 3, m.Precision, 9);
        Assert.Equal((1 + 0 + 1) / 3.0, m.Recall, 9);
    }
}

using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Tests.Churn;

[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public class RunStoreScopeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("run-scope").FullName;
    private static readonly IProgressSink[] Quiet = [new ConsoleProgressSink(TextWriter.Null)];
    private static readonly ModelConfig Config = ChurnTestData.TinyConfig("rnn", epochs: 2);

    public void Dispose() => Directory.Delete(folder, true);

    private string EventsFile(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static RunInputs Inputs(string file, int seed) => RunInputs.ForEvents(file, new SplitOptions { Seed = seed }, ChurnLabelOptions.Default);

    private static RunInfo Train(RunStore store, RunInputs inputs, ModelConfig? config = null)
    {
        var search = ChurnTestData.Search(config ?? Config, ChurnTestData.TinyTask(), store, inputs, Quiet);
        search.Best.Model.Dispose();
        return search.BestRun!;
    }

    [Fact]
    public void TheFingerprintFollowsTheDataTheSeedTheLabelsAndTheConfigurationNotThePath()
    {
        var a = EventsFile("a.csv", "same bytes");
        var copy = EventsFile("copy.csv", "same bytes");
        var other = EventsFile("b.csv", "other bytes");
        Assert.Equal(Inputs(a, 1).Fingerprint, Inputs(copy, 1).Fingerprint);
        Assert.NotEqual(Inputs(a, 1).Fingerprint, Inputs(other, 1).Fingerprint);
        Assert.NotEqual(Inputs(a, 1).Fingerprint, Inputs(a, 2).Fingerprint);
        var longerChurn = RunInputs.ForEvents(a, new SplitOptions { Seed = 1 }, new ChurnLabelOptions { ChurnWindow = TimeSpan.FromHours(48) });
        Assert.NotEqual(Inputs(a, 1).Fingerprint, longerChurn.Fingerprint);
        Assert.NotEqual(Inputs(a, 1).WithConfig(Config).Fingerprint,
            Inputs(a, 1).WithConfig(Config with { Training = Config.Training with { Epochs = 3 } }).Fingerprint);
        Assert.Equal(16, Inputs(a, 1).Fingerprint.Length);
        Assert.Equal(Inputs(a, 1).Values["data_sha256"], RunInputs.FileSha256(copy));
    }

    [Fact]
    public void RunsOnOtherDataOrAnotherSeedDoNotMixAndTheSameInputsFindTheEarlierRun()
    {
        var store = new RunStore(folder);
        var dataA = EventsFile("a.csv", "events of A");
        var dataB = EventsFile("b.csv", "events of B");
        var onA = Train(store, Inputs(dataA, 1));
        var onB = Train(store, Inputs(dataB, 1));
        var otherSeed = Train(store, Inputs(dataA, 2));
        Assert.Equal(onA.RunId, store.Best(Config, Inputs(dataA, 1)).RunId);
        Assert.Equal(onB.RunId, store.Best(Config, Inputs(dataB, 1)).RunId);
        Assert.Equal(otherSeed.RunId, store.Best(Config, Inputs(dataA, 2)).RunId);
        // A later session: a new store object on the same folder, and a copy of the data file elsewhere.
        var reopened = new RunStore(folder).Best(Config, Inputs(EventsFile("a-copy.csv", "events of A"), 1));
        Assert.Equal(onA.RunId, reopened.RunId);
        Assert.Equal(Inputs(dataA, 1).WithConfig(Config), reopened.Inputs);
        Assert.True(File.Exists(Path.Combine(onA.Folder, RunStore.InputsFile)));
    }

    [Fact]
    public void WithoutARunOnTheseInputsTheErrorCountsWhatWasIgnoredAndSaysWhatToDo()
    {
        var store = new RunStore(folder);
        var data = EventsFile("a.csv", "events");
        Train(store, Inputs(data, 1));
        var old = Train(store, Inputs(data, 1));
        File.Delete(Path.Combine(old.Folder, RunStore.InputsFile)); // as recorded before runs had inputs
        var e = Assert.Throws<RunStoreException>(() => store.Best(Config, Inputs(data, 3)));
        Assert.Contains("No run of 'tiny-rnn-global'", e.Message);
        Assert.Contains("1 run(s) trained on other inputs", e.Message);
        Assert.Contains("1 run(s) recorded without inputs", e.Message);
        Assert.Contains("store.Record(result, combination, inputs.WithConfig(config))", e.Message);
        Assert.Null(store.List(Config.Name).Runs.Single(r => r.RunId == old.RunId).Inputs);
        Assert.Contains("(not recorded)", store.List().ToHtml());
    }

    [Fact]
    public void OldRunsWithoutInputsAreNeverChosen()
    {
        var store = new RunStore(folder);
        var data = EventsFile("a.csv", "events");
        var old = Train(store, Inputs(data, 1), Config with { Training = Config.Training with { Epochs = 4 } });
        File.Delete(Path.Combine(old.Folder, RunStore.InputsFile));
        var e = Assert.Throws<RunStoreException>(() => store.Best(Config, Inputs(data, 1)));
        Assert.Contains("Ignored: 0 run(s) trained on other inputs", e.Message);
        Assert.Contains("and 1 run(s) recorded without inputs", e.Message);
    }

    [Fact]
    public void AnEditedInputsFileIsAnError()
    {
        var store = new RunStore(folder);
        var run = Train(store, Inputs(EventsFile("a.csv", "events"), 1));
        var path = Path.Combine(run.Folder, RunStore.InputsFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("seed 1", "seed 9"));
        var e = Assert.Throws<RunStoreException>(() => RunStore.Read(run.Folder));
        Assert.Contains("was edited", e.Message);
    }
}

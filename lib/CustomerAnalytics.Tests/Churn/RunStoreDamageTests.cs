using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Training;
using CustomerAnalytics.Training;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>What a crash can leave in the run store (a cut metrics.json, a cut model.bin, a run never recorded)
/// costs that run only: later runs list, choose and load the others.</summary>
[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public sealed class RunStoreDamageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("run-damage").FullName;
    private static readonly IProgressSink[] Quiet = [new ConsoleProgressSink(TextWriter.Null)];
    private static readonly ModelConfig Config = ChurnTestData.TinyConfig("rnn", epochs: 2);

    public void Dispose() => Directory.Delete(folder, true);

    private RunInputs Inputs()
    {
        var path = Path.Combine(folder, "events.csv");
        if (!File.Exists(path)) File.WriteAllText(path, "events");
        return RunInputs.ForEvents(path, new SplitOptions { Seed = 1 }, ChurnLabelOptions.Default);
    }

    private RunInfo Train(RunStore store)
    {
        var search = ChurnTestData.Search(Config, ChurnTestData.TinyTask(), store, Inputs(), Quiet);
        search.Best.Model.Dispose();
        return search.BestRun!;
    }

    private static void CutInHalf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }

    [Fact]
    public void A_metrics_file_cut_in_half_is_skipped_with_a_warning_naming_the_run_and_the_others_still_count()
    {
        var warnings = new StringWriter();
        var store = new RunStore(folder) { Warnings = warnings };
        var good = Train(store);
        var damaged = Train(store);
        CutInHalf(Path.Combine(damaged.Folder, RunStore.MetricsFile));

        var runs = store.List();

        Assert.Equal([good.RunId], runs.Runs.Select(r => r.RunId));
        Assert.Contains($"warning: skipped the damaged run {damaged.Folder}: {Path.Combine(damaged.Folder, RunStore.MetricsFile)} cannot be read", warnings.ToString());
        Assert.Contains($"delete the folder {damaged.Folder}", warnings.ToString());
        Assert.Equal(good.RunId, store.Best(Config, Inputs()).RunId); // the next grid search finds the good run
        Assert.Single(warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)); // warned once, though listed twice
    }

    [Fact]
    public void A_folder_without_metrics_is_not_a_run_and_no_warning()
    {
        var warnings = new StringWriter();
        var store = new RunStore(folder) { Warnings = warnings };
        var good = Train(store);
        var stopped = Train(store);
        File.Delete(Path.Combine(stopped.Folder, RunStore.MetricsFile)); // killed after model.bin, before metrics.json

        Assert.Equal([good.RunId], store.List().Runs.Select(r => r.RunId));
        Assert.Equal("", warnings.ToString());
    }

    [Fact]
    public void A_model_file_cut_in_half_gives_a_model_file_error_naming_it_and_its_run()
    {
        var store = new RunStore(folder) { Warnings = TextWriter.Null };
        var run = Train(store);
        var weights = Path.Combine(run.Folder, TrainedModel.WeightsFile);
        CutInHalf(weights);

        var e = Assert.Throws<ModelFileException>(() => RunStore.Load(run));

        Assert.Equal(Path.GetFullPath(weights), e.Path);
        Assert.StartsWith($"{Path.GetFullPath(weights)} cannot be loaded as this model's weights (", e.Message);
        Assert.Contains($"run folder {run.Folder}: delete that folder", e.Message);
    }

    [Fact]
    public void Recording_leaves_no_temporary_file_in_the_run_folder()
    {
        var store = new RunStore(folder);
        var run = Train(store);
        store.RecordTest(run, CustomerAnalytics.Evaluation.ClassificationReport.Compute([0, 1, 1, 0], [0, 1, 0, 0], ["retained", "churned"]));

        Assert.DoesNotContain(Directory.GetFiles(run.Folder), AtomicFile.IsTemporary);
        Assert.Equal(0.75, RunStore.Read(run.Folder).Test!["accuracy"]);
    }
}

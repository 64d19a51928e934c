using CustomerAnalytics.Training;

namespace CustomerAnalytics.Tests.Training;

public class TrainingProgressTests
{
    private sealed class RecordingSink : IProgressSink
    {
        public List<int> Seen { get; } = [];
        public void Update(TrainingProgress progress) => Seen.Add(progress.Latest!.Epoch);
    }

    private static TrainingProgress Create(TextWriter writer, out RecordingSink recorder, int epochs = 3)
    {
        var seconds = 0.0;
        recorder = new RecordingSink();
        return new TrainingProgress("lstm", epochs, "accuracy", [new ConsoleProgressSink(writer), recorder], () => TimeSpan.FromSeconds(seconds += 1.5));
    }

    [Fact]
    public void ConsolePrintsOneLinePerEpochWithLossMetricAndElapsed()
    {
        var writer = new StringWriter();
        var progress = Create(writer, out _);
        progress.Report(1, 0.91234, metric: 0.5, validationLoss: 0.95);
        progress.Report(2, 0.5, metric: 0.75);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        Assert.Equal(
        [
            "[lstm] epoch 1/3  loss 0.9123  val_loss 0.9500  accuracy 0.5000  1.5s",
            "[lstm] epoch 2/3  loss 0.5000  accuracy 0.7500  3.0s",
        ], lines);
    }

    [Fact]
    public void EverySinkSeesEveryEpochInOrder()
    {
        var progress = Create(TextWriter.Null, out var recorder);
        for (var epoch = 1; epoch <= 3; epoch++) progress.Report(epoch, 1.0 / epoch);
        Assert.Equal([1, 2, 3], recorder.Seen);
        Assert.Equal(3, progress.History.Count);
        Assert.Equal(4.5, progress.Latest!.Elapsed.TotalSeconds);
    }

    [Fact]
    public void BestEpochFollowsTheMetricOrElseTheLoss()
    {
        var withMetric = Create(TextWriter.Null, out _);
        withMetric.Report(1, 0.9, metric: 0.6);
        withMetric.Report(2, 0.5, metric: 0.8);
        withMetric.Report(3, 0.4, metric: 0.7);
        Assert.Equal(2, withMetric.Best()!.Epoch);
        Assert.Equal(1, withMetric.Best(higherMetricIsBetter: false)!.Epoch);

        var lossOnly = Create(TextWriter.Null, out _);
        lossOnly.Report(1, 0.9);
        lossOnly.Report(2, 0.3);
        lossOnly.Report(3, 0.4);
        Assert.Equal(2, lossOnly.Best()!.Epoch);
    }

    [Fact]
    public void EpochsMustIncrease()
    {
        var progress = Create(TextWriter.Null, out _);
        progress.Report(2, 0.5);
        var error = Assert.Throws<ArgumentException>(() => progress.Report(2, 0.4));
        Assert.Contains("Epoch 2 reported after epoch 2", error.Message);
    }

    [Fact]
    public void PlanningNoEpochsIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingProgress("x", 0, sinks: []));

    [Fact]
    public void HtmlViewHasStatusCurveAndTable()
    {
        var progress = Create(TextWriter.Null, out _);
        Assert.Contains("lstm: starting", progress.ToHtml());
        Assert.DoesNotContain("<svg", progress.ToHtml());
        progress.Report(1, 0.9, metric: 0.6);
        progress.Report(2, 0.5, metric: 0.8);
        var html = progress.ToHtml();
        Assert.Contains("lstm: epoch 2/3, loss 0.5000, 3.0s", html);
        Assert.Equal(2, html.Split("<polyline").Length - 1); // loss and metric curves; no validation loss reported
        Assert.Equal(2 + 1, html.Split("<tr>").Length - 1); // header + two epochs
    }

    [Fact]
    public void OutsideAKernelThereIsNoNotebookSink() => Assert.Null(NotebookProgressSink.TryCreate());
}

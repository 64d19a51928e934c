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
    public void ConsolePrintsOneLinePerEpochThenHowItEndedAndTheTableAndNothingElse()
    {
        var writer = new StringWriter();
        var progress = Create(writer, out _, epochs: 10);
        progress.Report(1, 0.91234, metric: 0.5, validationLoss: 0.95, isBest: true);
        Assert.Equal("lstm  epoch  1/10  loss 0.9123  val loss 0.9500  val accuracy 0.5000  1.5 s  * new best\n", Normalised(writer));
        progress.Report(2, 0.5, metric: 0.75);
        progress.Report(3, 0.25, metric: 0.8125, validationLoss: 0.5, isBest: true);
        progress.Finish();
        progress.Finish(); // a second call changes nothing
        Assert.Equal(
            """
            lstm  epoch  1/10  loss 0.9123  val loss 0.9500  val accuracy 0.5000  1.5 s  * new best
            lstm  epoch  2/10  loss 0.5000  val accuracy 0.7500  3.0 s
            lstm  epoch  3/10  loss 0.2500  val loss 0.5000  val accuracy 0.8125  4.5 s  * new best
            lstm  stopped early after epoch 3/10; best epoch 3
            epoch    loss  val loss  val accuracy  elapsed (s)  new best
                1  0.9123    0.9500        0.5000          1.5         *
                2  0.5000                  0.7500          3.0
                3  0.2500    0.5000        0.8125          4.5         *

            """, Normalised(writer));
    }

    [Fact]
    public void ARunOfEveryPlannedEpochEndsAsFinishedAndMetricNamesWithValStayAsTheyAre()
    {
        var writer = new StringWriter();
        var seconds = 0.0;
        var progress = new TrainingProgress("seq2seq", 2, "val token accuracy", [new ConsoleProgressSink(writer)], () => TimeSpan.FromSeconds(seconds += 2));
        progress.Report(1, 2.0, metric: 0.25, isBest: true);
        progress.Report(2, 1.0, metric: 0.125);
        progress.Finish();
        Assert.Equal(
            """
            seq2seq  epoch 1/2  loss 2.0000  val token accuracy 0.2500  2.0 s  * new best
            seq2seq  epoch 2/2  loss 1.0000  val token accuracy 0.1250  4.0 s
            seq2seq  finished 2/2 epochs; best epoch 1
            epoch    loss  val loss  val token accuracy  elapsed (s)  new best
                1  2.0000                        0.2500          2.0         *
                2  1.0000                        0.1250          4.0

            """, Normalised(writer));
        var error = Assert.Throws<InvalidOperationException>(() => progress.Report(3, 0.5));
        Assert.Contains("after training finished", error.Message);
    }

    [Fact]
    public void ARunWithoutABestEpochSaysNoneAndARunWithoutEpochsPrintsNoTable()
    {
        var writer = new StringWriter();
        var progress = Create(writer, out _, epochs: 2);
        progress.Report(1, 1.0);
        progress.Finish();
        Assert.Equal("lstm  epoch 1/2  loss 1.0000  1.5 s\nlstm  stopped early after epoch 1/2\n"
            + "epoch    loss  val loss  val accuracy  elapsed (s)  new best\n    1  1.0000                                  1.5\n", Normalised(writer));

        var empty = new StringWriter();
        Create(empty, out _).Finish();
        Assert.Equal("lstm  stopped early after epoch 0/3\n", Normalised(empty));
    }

    [Fact]
    public void NotebookSinkStreamsTheSameLinesAndShowsOneViewAtTheEnd()
    {
        var (writer, shown, seconds) = (new StringWriter(), new List<object>(), 0.0);
        var sink = new NotebookProgressSink(shown.Add, writer);
        var progress = new TrainingProgress("rnn", 3, "f1", [sink], () => TimeSpan.FromSeconds(seconds += 1));
        progress.Report(1, 0.7, metric: 0.4, validationLoss: 0.6, isBest: true);
        progress.Report(2, 0.6, metric: 0.3, validationLoss: 0.65);
        Assert.Empty(shown); // nothing is displayed while training runs: only lines
        progress.Finish();
        Assert.Equal(
            """
            rnn  epoch 1/3  loss 0.7000  val loss 0.6000  val f1 0.4000  1.0 s  * new best
            rnn  epoch 2/3  loss 0.6000  val loss 0.6500  val f1 0.3000  2.0 s
            rnn  stopped early after epoch 2/3; best epoch 1

            """, Normalised(writer));
        var view = Assert.IsType<ProgressView>(Assert.Single(shown));
        var html = view.ToHtml();
        Assert.Contains("rnn  stopped early after epoch 2/3; best epoch 1", html);
        Assert.Equal(1 + 2, html.Split("<tr>").Length - 1); // header + two epochs
    }

    private static string Normalised(StringWriter writer) => writer.ToString().Replace("\r\n", "\n");

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
        progress.Report(2, 0.5, metric: 0.8, isBest: true);
        var html = progress.ToHtml();
        Assert.Contains("lstm: epoch 2/3, loss 0.5000, 3.0s", html);
        Assert.Equal(1, html.Split("<td>*</td>").Length - 1); // only epoch 2 is marked as a new best

        Assert.Equal(2, html.Split("<polyline").Length - 1); // loss and metric curves; no validation loss reported
        Assert.Equal(2 + 1, html.Split("<tr>").Length - 1); // header + two epochs
    }

    [Fact]
    public void OutsideAKernelThereIsNoNotebookSink() => Assert.Null(NotebookProgressSink.TryCreate());
}

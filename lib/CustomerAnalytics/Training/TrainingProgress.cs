using System.Diagnostics;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Training;

/// <summary>
/// Live progress of a training loop: call <see cref="Report"/> after each epoch, which prints one short line, and
/// <see cref="Finish"/> when the loop ends, which prints how it ended and the epoch table (in a notebook, one HTML
/// output with the curve and the table).
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed class TrainingProgress : IHtmlRenderable
{
    private readonly List<EpochRecord> history = [];
    private readonly IProgressSink[] sinks;
    private readonly Func<TimeSpan> clock;

    /// <summary>Creates progress reporting for a run of <paramref name="totalEpochs"/> epochs.</summary>
    /// <param name="title">Short name of the run, e.g. "lstm".</param>
    /// <param name="totalEpochs">Planned epochs (early stopping may end sooner).</param>
    /// <param name="metricName">Name of the validation metric reported with each epoch.</param>
    /// <param name="sinks">Where to show progress; by default the notebook output when in a kernel, else the console.</param>
    /// <param name="clock">Elapsed-time source, for tests; by default a stopwatch started now.</param>
    public TrainingProgress(string title, int totalEpochs, string metricName = "accuracy",
        IEnumerable<IProgressSink>? sinks = null, Func<TimeSpan>? clock = null)
    {
        if (totalEpochs <= 0) throw new ArgumentOutOfRangeException(nameof(totalEpochs), totalEpochs, "Plan at least one epoch.");
        Title = title;
        TotalEpochs = totalEpochs;
        MetricName = metricName;
        this.sinks = sinks?.ToArray() ?? [DefaultSink()];
        if (clock is null) { var watch = Stopwatch.StartNew(); clock = () => watch.Elapsed; }
        this.clock = clock;
    }

    /// <summary>Short name of the run.</summary>
    public string Title { get; }
    /// <summary>Planned number of epochs.</summary>
    public int TotalEpochs { get; }
    /// <summary>Name of the validation metric.</summary>
    public string MetricName { get; }
    /// <summary>Every epoch reported so far, in order.</summary>
    public IReadOnlyList<EpochRecord> History => history;
    /// <summary>The last epoch reported, if any.</summary>
    public EpochRecord? Latest => history.Count == 0 ? null : history[^1];

    /// <summary>True once <see cref="Finish"/> was called.</summary>
    public bool Finished { get; private set; }

    /// <summary>Records an epoch and shows it in every sink.</summary>
    /// <param name="epoch">1-based epoch number, greater than the last one reported.</param>
    /// <param name="loss">Mean training loss of the epoch.</param>
    /// <param name="metric">Validation metric, if measured.</param>
    /// <param name="validationLoss">Mean validation loss, if measured.</param>
    /// <param name="isBest">True when this epoch is a new best (e.g. what <c>EarlyStopping.Update</c> returned); its line gets a marker.</param>
    public EpochRecord Report(int epoch, double loss, double? metric = null, double? validationLoss = null, bool isBest = false)
    {
        if (Finished) throw new InvalidOperationException($"Epoch {epoch} reported after training finished; create a new TrainingProgress for a new run.");
        if (Latest is { } last && epoch <= last.Epoch)
            throw new ArgumentException($"Epoch {epoch} reported after epoch {last.Epoch}; epochs must increase.", nameof(epoch));
        var record = new EpochRecord(epoch, loss, metric, validationLoss, clock(), isBest);
        history.Add(record);
        foreach (var sink in sinks) sink.Update(this);
        return record;
    }

    /// <summary>
    /// Ends the run: every sink shows how it ended (stopped early or all epochs run, and the best epoch) and the
    /// epoch table, once. Calling it again does nothing.
    /// </summary>
    public void Finish()
    {
        if (Finished) return;
        Finished = true;
        foreach (var sink in sinks) sink.Finish(this);
    }

    /// <summary>The epoch with the highest metric (or, when no metric is reported, the lowest loss).</summary>
    public EpochRecord? Best(bool higherMetricIsBetter = true) =>
        history.Any(e => e.Metric.HasValue)
            ? (higherMetricIsBetter ? history.MaxBy(e => e.Metric) : history.MinBy(e => e.Metric))
            : history.MinBy(e => e.ValidationLoss ?? e.Loss);

    /// <inheritdoc />
    public string ToHtml() => new ProgressView(this).ToHtml();

    /// <inheritdoc />
    public override string ToString() => new ProgressView(this).ToString();

    private static IProgressSink DefaultSink() => (IProgressSink?)NotebookProgressSink.TryCreate() ?? new ConsoleProgressSink();
}

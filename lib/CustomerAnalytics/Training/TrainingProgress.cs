using System.Diagnostics;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Training;

/// <summary>
/// Live progress of a training loop: call <see cref="Report"/> after each epoch. In a notebook it
/// shows one output updated in place; elsewhere it prints one line per epoch.
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

    /// <summary>Records an epoch and refreshes every sink.</summary>
    public EpochRecord Report(int epoch, double loss, double? metric = null, double? validationLoss = null)
    {
        if (Latest is { } last && epoch <= last.Epoch)
            throw new ArgumentException($"Epoch {epoch} reported after epoch {last.Epoch}; epochs must increase.", nameof(epoch));
        var record = new EpochRecord(epoch, loss, metric, validationLoss, clock());
        history.Add(record);
        foreach (var sink in sinks) sink.Update(this);
        return record;
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

using System.Globalization;

namespace CustomerAnalytics.Training;

/// <summary>Writes one line per epoch, for the headless runner, file-based apps and CI logs.</summary>
public sealed class ConsoleProgressSink(TextWriter? writer = null) : IProgressSink
{
    private readonly TextWriter writer = writer ?? Console.Out;

    /// <inheritdoc />
    public void Update(TrainingProgress progress)
    {
        if (progress.Latest is { } e) writer.WriteLine(FormatLine(progress, e));
    }

    /// <summary>The line printed for <paramref name="e"/>, e.g. "[lstm] epoch 3/20  loss 0.4123  accuracy 0.8120  12.3s".</summary>
    public static string FormatLine(TrainingProgress progress, EpochRecord e)
    {
        var c = CultureInfo.InvariantCulture;
        var line = string.Create(c, $"[{progress.Title}] epoch {e.Epoch}/{progress.TotalEpochs}  loss {e.Loss:F4}");
        if (e.ValidationLoss is { } v) line += string.Create(c, $"  val_loss {v:F4}");
        if (e.Metric is { } m) line += string.Create(c, $"  {progress.MetricName} {m:F4}");
        return line + string.Create(c, $"  {e.Elapsed.TotalSeconds:F1}s");
    }
}

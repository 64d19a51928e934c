using System.Globalization;
using System.Text;

namespace CustomerAnalytics.Training;

/// <summary>
/// The plain-text forms of training progress: one short line per epoch, the line that ends a run, and the epoch table.
/// Standard output streams live in every notebook front end and in the runner, so these lines are the live view.
/// </summary>
public static class ProgressText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The marker that ends the line of a new best epoch.</summary>
    public const string BestMarker = "* new best";

    /// <summary>The line for <paramref name="e"/>, e.g. "lstm  epoch  3/15  loss 1.2340  val loss 1.3010  val token accuracy 0.4120  4.1 s  * new best".</summary>
    public static string EpochLine(TrainingProgress progress, EpochRecord e)
    {
        var width = progress.TotalEpochs.ToString(C).Length;
        var line = new StringBuilder(string.Create(C, $"{progress.Title}  epoch {e.Epoch.ToString(C).PadLeft(width)}/{progress.TotalEpochs}  loss {e.Loss:F4}"));
        if (e.ValidationLoss is { } v) line.Append(string.Create(C, $"  val loss {v:F4}"));
        if (e.Metric is { } m) line.Append(string.Create(C, $"  {MetricLabel(progress)} {m:F4}"));
        line.Append(string.Create(C, $"  {e.Elapsed.TotalSeconds:F1} s"));
        if (e.IsBest) line.Append("  ").Append(BestMarker);
        return line.ToString();
    }

    /// <summary>
    /// The line that ends a run: "lstm  stopped early after epoch 9/15; best epoch 5" when fewer epochs ran than
    /// planned (early stopping), else "lstm  finished 15/15 epochs; best epoch 12". The best epoch is the last one
    /// reported as a new best, left out when none was.
    /// </summary>
    public static string EndLine(TrainingProgress progress)
    {
        var ran = progress.Latest?.Epoch ?? 0;
        var line = ran < progress.TotalEpochs
            ? string.Create(C, $"{progress.Title}  stopped early after epoch {ran}/{progress.TotalEpochs}")
            : string.Create(C, $"{progress.Title}  finished {ran}/{progress.TotalEpochs} epochs");
        var best = progress.History.LastOrDefault(e => e.IsBest);
        return best is null ? line : line + string.Create(C, $"; best epoch {best.Epoch}");
    }

    /// <summary>The epochs as a fixed-width text table: a header row, then one row per epoch, columns right-aligned, no trailing spaces.</summary>
    public static string Table(TrainingProgress progress)
    {
        string[] header = ["epoch", "loss", "val loss", MetricLabel(progress), "elapsed (s)", "new best"];
        var rows = progress.History.Select(e => new[]
        {
            e.Epoch.ToString(C), e.Loss.ToString("F4", C), e.ValidationLoss?.ToString("F4", C) ?? "",
            e.Metric?.ToString("F4", C) ?? "", e.Elapsed.TotalSeconds.ToString("F1", C), e.IsBest ? "*" : "",
        }).ToArray();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadLeft(widths[i]))).TrimEnd());
        return text.ToString();
    }

    /// <summary>The metric's column name: "val " before it unless its name already says so ("f1" becomes "val f1").</summary>
    public static string MetricLabel(TrainingProgress progress) =>
        progress.MetricName.StartsWith("val", StringComparison.OrdinalIgnoreCase) ? progress.MetricName : "val " + progress.MetricName;
}

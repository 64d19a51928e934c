using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>
/// How much the validation metric moved between epochs, run by run: on a validation set of few users the metric jumps
/// from epoch to epoch, and early stopping picks its "best" epoch from those jumps. The sentence gives the range and the
/// largest single move, computed from the recorded epochs.
/// </summary>
/// <param name="Metric">The validation metric's name, for example "F1".</param>
/// <param name="Rows">One row per run.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record EpochSwings(string Metric, IReadOnlyList<EpochSwing> Rows) : IHtmlRenderable
{
    /// <summary>The swings of every run of <paramref name="runs"/>.</summary>
    public static EpochSwings Of(RunTable runs, string metric)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new EpochSwings(metric, runs.Runs.Select(EpochSwing.Of).ToArray());
    }

    /// <summary>The range over all runs' epochs and the largest move between consecutive epochs.</summary>
    public string Sentence
    {
        get
        {
            var measured = Rows.Where(r => r.Epochs > 0).ToArray();
            if (measured.Length == 0) return $"No run recorded a validation {Metric} per epoch.";
            var jumpiest = measured.MaxBy(r => r.LargestStep)!;
            return string.Create(CultureInfo.InvariantCulture,
                $"Over the epochs of these {measured.Length} run(s), validation {Metric} ranged from {measured.Min(r => r.Lowest):F2} to {measured.Max(r => r.Highest):F2}; the largest move between two consecutive epochs was {jumpiest.LargestStep:F2} ({jumpiest.Run}).");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Sentence;

    /// <inheritdoc/>
    public string ToHtml()
    {
        string F(double v) => double.IsNaN(v) ? "" : v.ToString("F3", CultureInfo.InvariantCulture);
        return Html.Table(["run", "epochs", $"lowest {Metric}", $"highest {Metric}", "largest move between epochs", "best epoch"],
            Rows.Select(r => new object?[] { r.Run, r.Epochs, F(r.Lowest), F(r.Highest), F(r.LargestStep), r.BestEpoch })) + $"<p>{Html.Encode(Sentence)}</p>";
    }
}

using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>How far one run's validation metric moved over its epochs.</summary>
/// <param name="Run">The run: model and grid values.</param>
/// <param name="Epochs">Epochs with a validation metric.</param>
/// <param name="Lowest">Lowest validation metric of any epoch.</param>
/// <param name="Highest">Highest validation metric of any epoch.</param>
/// <param name="LargestStep">Largest change between two consecutive epochs (absolute).</param>
/// <param name="BestEpoch">The epoch whose weights were kept.</param>
public sealed record EpochSwing(string Run, int Epochs, double Lowest, double Highest, double LargestStep, int BestEpoch)
{
    /// <summary>The swing of <paramref name="run"/>'s recorded epochs (NaN figures when no epoch has a metric).</summary>
    public static EpochSwing Of(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var metric = run.Epochs.Where(e => e.Metric is not null).OrderBy(e => e.Epoch).Select(e => e.Metric!.Value).ToArray();
        var name = $"{run.Model} {string.Join(" ", run.Parameters.Values)}".Trim();
        if (metric.Length == 0) return new EpochSwing(name, 0, double.NaN, double.NaN, double.NaN, run.BestEpoch);
        var step = metric.Zip(metric.Skip(1), (a, b) => Math.Abs(b - a)).DefaultIfEmpty(0).Max();
        return new EpochSwing(name, metric.Length, metric.Min(), metric.Max(), step, run.BestEpoch);
    }
}

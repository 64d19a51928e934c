using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// How far the profit-maximising threshold would move on another set of sessions of the same size: the sessions are
/// drawn again with replacement (a seeded bootstrap), the profit curve recomputed and its best threshold kept, many
/// times. A wide spread means the chosen threshold rests on a handful of orders. The sessions are first put in a
/// canonical order (by probability, then label), so the spread does not depend on their order.
/// </summary>
/// <param name="Chosen">The best threshold on all the sessions.</param>
/// <param name="Median">Median of the resamples' best thresholds.</param>
/// <param name="Lower">Lower bound of the middle <paramref name="Level"/> of them.</param>
/// <param name="Upper">Upper bound of the middle <paramref name="Level"/> of them.</param>
/// <param name="Level">Share of the resamples between the bounds, for example 0.95.</param>
/// <param name="BelowBreakEvenShare">Share of the resamples whose best threshold lies below break-even.</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="Sessions">Sessions resampled.</param>
/// <param name="Orders">Orders among them.</param>
/// <param name="ContactedOrders">Orders among the sessions the chosen threshold contacts: what the choice rests on.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ThresholdStability(double Chosen, double Median, double Lower, double Upper, double Level, double BelowBreakEvenShare,
    int Resamples, int Sessions, int Orders, int ContactedOrders) : IHtmlRenderable
{
    /// <summary>Bootstraps the best threshold of the profit curve of <paramref name="probabilities"/>.</summary>
    public static ThresholdStability Of(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, ProfitSettings settings, BootstrapOptions? options = null)
    {
        ScoreRanking.Check(probabilities, labels);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new BootstrapOptions();
        if (probabilities.Count == 0) throw new ArgumentException("The threshold's spread needs at least one session.", nameof(probabilities));
        if (options.Resamples < 2) throw new ArgumentOutOfRangeException(nameof(options), options.Resamples, "A bootstrap needs at least 2 resamples.");
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ThenBy(i => labels[i]).ToArray();
        var (p, y) = (order.Select(i => probabilities[i]).ToArray(), order.Select(i => labels[i]).ToArray());
        var best = ProfitCurve.Compute(p, y, settings).Best;
        var random = new Random(options.Seed);
        var thresholds = new double[options.Resamples];
        var (drawP, drawY) = (new double[p.Length], new bool[p.Length]);
        for (int r = 0; r < thresholds.Length; r++)
        {
            for (int i = 0; i < p.Length; i++) { int k = random.Next(p.Length); (drawP[i], drawY[i]) = (p[k], y[k]); }
            thresholds[r] = ProfitCurve.Compute(drawP, drawY, settings).Best.Threshold;
        }
        Array.Sort(thresholds);
        double tail = (1 - options.Level) / 2;
        return new ThresholdStability(best.Threshold, Percentile(thresholds, 0.5), Percentile(thresholds, tail), Percentile(thresholds, 1 - tail), options.Level,
            thresholds.Count(t => t < settings.BreakEvenProbability) / (double)thresholds.Length, thresholds.Length, p.Length, y.Count(l => l), best.Conversions);
    }

    private static double Percentile(double[] sorted, double quantile)
    {
        double position = quantile * (sorted.Length - 1);
        int below = (int)Math.Floor(position), above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>The spread in one sentence, with the orders it rests on.</summary>
    public string Sentence => string.Create(CultureInfo.InvariantCulture,
        $"The profit-maximising threshold {Chosen:F4} rests on {ContactedOrders:N0} orders among the contacted sessions ({Orders:N0} orders in all {Sessions:N0} sessions). ") +
        string.Create(CultureInfo.InvariantCulture,
        $"Over {Resamples:N0} bootstrap resamples of these sessions the best threshold has median {Median:F4}, and the middle {Pct(Level)} lies between {Lower:F4} and {Upper:F4}; in {Pct(BelowBreakEvenShare)} of the resamples it falls below break-even.");

    private static string Pct(double share, int decimals = 0) => (share * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc/>
    public override string ToString() => Sentence;

    /// <inheritdoc/>
    public string ToHtml()
    {
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        return Html.Table(["chosen threshold", "bootstrap median", "lower", "upper", "resamples below break-even", "orders contacted", "orders in all", "sessions"],
            [[F(Chosen), F(Median), F(Lower), F(Upper), Pct(BelowBreakEvenShare), ContactedOrders, Orders, Sessions]]) + $"<p>{Html.Encode(Sentence)}</p>";
    }
}

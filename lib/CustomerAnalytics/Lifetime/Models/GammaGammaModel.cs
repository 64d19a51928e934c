using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Lifetime.Data;

namespace CustomerAnalytics.Lifetime.Models;

/// <summary>
/// The Gamma-Gamma spend model (Fader and Hardie 2013, after Colombo and Jiang 1999): each purchase of a customer is
/// worth Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so a customer's average spend is shrunk towards the mean
/// in proportion to how few purchases it rests on. It assumes spend does not depend on how often a customer buys;
/// <see cref="FrequencySpendCorrelation"/> shows how far the data bear that out.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record GammaGammaModel(double P, double Q, double Gamma) : IHtmlRenderable
{
    /// <summary>Log-likelihood at the fitted parameters (NaN for a model built from given parameters).</summary>
    public double LogLikelihood { get; init; } = double.NaN;
    /// <summary>Standard errors of p, q, γ, or null when not fitted.</summary>
    public IReadOnlyList<double>? StandardErrors { get; init; }
    /// <summary>Repeat customers the model was fitted on.</summary>
    public int Customers { get; init; }
    /// <summary>Pearson correlation of frequency and average spend in the fitted data: near 0 supports the model's independence assumption.</summary>
    public double FrequencySpendCorrelation { get; init; } = double.NaN;

    /// <summary>
    /// Fits the model to repeat customers. One-time buyers (x = 0) have no repeat spend and zero or negative averages
    /// are not purchases: both are refused with a count, never dropped silently.
    /// </summary>
    public static GammaGammaModel Fit(IReadOnlyList<RepeatSpend> customers, LifetimeFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= new LifetimeFitOptions();
        if (customers.Count < 2) throw new LifetimeModelException($"The Gamma-Gamma model needs repeat customers to learn from; got {customers.Count}.");
        var oneTime = customers.Count(c => c.Frequency < 1);
        if (oneTime > 0) throw new LifetimeModelException($"{oneTime} of {customers.Count} customers have no repeat purchase (frequency 0): the Gamma-Gamma model is fitted to repeat customers only; leave them out first.");
        var notPositive = customers.Where(c => !(c.AverageSpend > 0) || !double.IsFinite(c.AverageSpend)).ToArray();
        if (notPositive.Length > 0) throw new LifetimeModelException($"{notPositive.Length} of {customers.Count} customers have an average spend that is not positive (for example customer {notPositive[0].CustomerId}: {notPositive[0].AverageSpend}); returns or free orders must be handled before the spend model.");

        // Sorted, so the sum and the fit do not depend on the input order.
        var data = customers.OrderBy(c => c.Frequency).ThenBy(c => c.AverageSpend).Select(c => (X: (double)c.Frequency, M: c.AverageSpend, LogM: Math.Log(c.AverageSpend))).ToArray();
        double Objective(double[] log) => -LogLikelihoodOf(data, Math.Exp(log[0]), Math.Exp(log[1]), Math.Exp(log[2])) + options.Penalty * log.Sum(l => Math.Exp(2 * l));
        double meanSpend = data.Average(d => d.M);
        var (point, _, evaluations, converged) = NelderMead.Minimize(Objective, [0, 0, Math.Log(meanSpend)], options.Tolerance);
        if (!converged) throw new LifetimeModelException($"The Gamma-Gamma fit did not converge in {evaluations} likelihood evaluations. Try a penalty (LifetimeFitOptions.Penalty = 0.01).");
        var fitted = point.Select(Math.Exp).ToArray();
        return new GammaGammaModel(fitted[0], fitted[1], fitted[2])
        {
            LogLikelihood = LogLikelihoodOf(data, fitted[0], fitted[1], fitted[2]),
            StandardErrors = Hessian.StandardErrors(p => LogLikelihoodOf(data, p[0], p[1], p[2]), fitted),
            Customers = data.Length,
            FrequencySpendCorrelation = Correlation(data.Select(d => d.X).ToArray(), data.Select(d => d.M).ToArray()),
        };
    }

    private static double LogLikelihoodOf((double X, double M, double LogM)[] data, double p, double q, double gamma)
    {
        // ln Γ(px + q) - ln Γ(px) - ln Γ(q) depends on x alone: computed once per distinct frequency (data is sorted by x).
        double sum = 0, logGammaQ = SpecialFunctions.LogGamma(q), logGamma = q * Math.Log(gamma), perFrequency = 0, lastX = -1;
        foreach (var (x, m, logM) in data)
        {
            if (x != lastX)
            {
                perFrequency = SpecialFunctions.LogGamma(p * x + q) - SpecialFunctions.LogGamma(p * x) - logGammaQ + p * x * Math.Log(x);
                lastX = x;
            }
            sum += perFrequency + logGamma + (p * x - 1) * logM - (p * x + q) * Math.Log(gamma + m * x);
        }
        return sum;
    }

    /// <summary>Mean value of a purchase across all customers, p γ / (q - 1) (needs q &gt; 1).</summary>
    public double MeanSpend => Q > 1 ? P * Gamma / (Q - 1) : throw new LifetimeModelException($"With q = {Q:F3} ≤ 1 the mean purchase value is infinite: the spend distribution has too heavy a tail for an average.");

    /// <summary>Expected value of this customer's future purchases given x repeat purchases averaging m: p (γ + x m) / (p x + q - 1).</summary>
    public double ConditionalExpectedSpend(int frequency, double averageSpend)
    {
        if (frequency == 0) return MeanSpend;
        if (frequency < 0 || !(averageSpend > 0)) throw new LifetimeModelException($"A frequency of {frequency} with an average spend of {averageSpend} is not a repeat customer's history.");
        return P * (Gamma + frequency * averageSpend) / (P * frequency + Q - 1);
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum(), sxx = x.Sum(a => (a - mx) * (a - mx)), syy = y.Sum(b => (b - my) * (b - my));
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Gamma-Gamma: p = {P:F3}, q = {Q:F3}, gamma = {Gamma:F3}; log-likelihood {LogLikelihood:F1} on {Customers:N0} repeat customers; frequency-spend correlation {FrequencySpendCorrelation:F3}");

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["parameter", "estimate", "standard error"],
        new[] { ("p", P), ("q", Q), ("gamma", Gamma) }.Select((p, i) => new object?[] { p.Item1, F(p.Item2), StandardErrors is { } e ? F(e[i]) : "" }),
        string.Create(CultureInfo.InvariantCulture, $"Gamma-Gamma, log-likelihood {LogLikelihood:F1}, {Customers:N0} repeat customers, frequency-spend correlation {FrequencySpendCorrelation:F3}"));

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}

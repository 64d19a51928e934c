using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Lifetime.Data;

namespace CustomerAnalytics.Lifetime.Models;

/// <summary>
/// The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while alive, a customer buys
/// at rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b). Fitted by maximum
/// likelihood; every time (histories, horizons) is in <see cref="Unit"/>, and a horizon given in another unit is converted.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record BgNbdModel(double R, double Alpha, double A, double B, TimeUnit Unit) : IHtmlRenderable
{
    /// <summary>Log-likelihood of the calibration data at the fitted parameters (NaN for a model built from given parameters).</summary>
    public double LogLikelihood { get; init; } = double.NaN;
    /// <summary>Standard errors of r, α, a, b (from the observed information), or null when not fitted.</summary>
    public IReadOnlyList<double>? StandardErrors { get; init; }
    /// <summary>Customers the model was fitted on.</summary>
    public int Customers { get; init; }

    /// <summary>
    /// Fits the model to <paramref name="customers"/> (times in <paramref name="unit"/>). Refuses impossible histories
    /// and data without any repeat purchase, and fails with a message rather than return parameters that did not converge.
    /// </summary>
    public static BgNbdModel Fit(IReadOnlyList<CustomerHistory> customers, TimeUnit unit, LifetimeFitOptions? options = null)
    {
        options ??= new LifetimeFitOptions();
        var groups = HistoryGroups.Of(customers);
        if (groups.All(g => g.Frequency == 0))
            throw new LifetimeModelException($"None of the {customers.Count} customers made a repeat purchase, so BG/NBD cannot tell how often customers buy or when they drop out. Use a longer calibration period.");

        double Objective(double[] log) => -LogLikelihoodOf(groups, Math.Exp(log[0]), Math.Exp(log[1]), Math.Exp(log[2]), Math.Exp(log[3]))
                                          + options.Penalty * log.Sum(l => Math.Exp(2 * l));
        // The same objective with its gradient in the log parameters (chain rule: d/d ln θ = θ d/dθ).
        (double, double[]) WithGradient(double[] log)
        {
            var theta = log.Select(Math.Exp).ToArray();
            var (value, gradient) = LogLikelihoodAndGradient(groups, theta[0], theta[1], theta[2], theta[3]);
            return (-value + options.Penalty * theta.Sum(t => t * t), theta.Select((t, i) => -t * gradient[i] + 2 * options.Penalty * t * t).ToArray());
        }
        double meanAge = groups.Sum(g => g.Count * g.Age) / customers.Count;
        double[] start = [0, Math.Log(meanAge), 0, 0];
        // BFGS with the exact gradient needs a few dozen passes over the customers, Nelder-Mead hundreds; Nelder-Mead
        // starts afresh only when BFGS does not converge.
        var (point, _, evaluations, converged) = Bfgs.Minimize(WithGradient, start);
        if (!converged) (point, _, evaluations, converged) = NelderMead.Minimize(Objective, start, options.Tolerance);
        if (!converged) throw new LifetimeModelException($"The BG/NBD fit did not converge in {evaluations} likelihood evaluations. Try a penalty (LifetimeFitOptions.Penalty = 0.01) or check the time unit.");

        var fitted = point.Select(Math.Exp).ToArray();
        var errors = Hessian.StandardErrors(p => LogLikelihoodOf(groups, p[0], p[1], p[2], p[3]), fitted);
        return new BgNbdModel(fitted[0], fitted[1], fitted[2], fitted[3], unit)
        {
            LogLikelihood = LogLikelihoodOf(groups, fitted[0], fitted[1], fitted[2], fitted[3]),
            StandardErrors = errors,
            Customers = customers.Count,
        };
    }

    /// <summary>The log-likelihood of <paramref name="customers"/> under this model's parameters (equation 6 of the paper).</summary>
    public double LogLikelihoodOf(IReadOnlyList<CustomerHistory> customers) => LogLikelihoodOf(HistoryGroups.Of(customers), R, Alpha, A, B);

    // The value alone, beside LogLikelihoodAndGradient below: the Hessian's 40 evaluations and Nelder-Mead need no
    // gradient, and deriving this from the gradient pass made the 100,000-customer fit about three times slower.
    private static double LogLikelihoodOf(IReadOnlyList<HistoryGroup> groups, double r, double alpha, double a, double b)
    {
        double sum = 0;
        int lastX = 0;
        double gammaTerms = 0; // both ratios are 1 at x = 0
        // ln Γ(r+x)/Γ(r) + ln Γ(a+b)Γ(b+x)/(Γ(b)Γ(a+b+x)) grows by ln((r+k)(b+k)/(a+b+k)) per purchase: groups come sorted by x.
        foreach (var g in groups)
        {
            for (int k = lastX; k < g.Frequency; k++) gammaTerms += Math.Log((r + k) * (b + k) / (a + b + k));
            lastX = g.Frequency;
            double x = g.Frequency;
            double a1 = gammaTerms + r * Math.Log(alpha);
            double a3 = -(r + x) * Math.Log(alpha + g.Age);
            double term = x > 0
                ? LogSumExp(a3, Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + g.Recency))
                : a3;
            sum += g.Count * (a1 + term);
        }
        return sum;
    }

    /// <summary>The log-likelihood and its derivatives in r, α, a and b, in one pass over the groups (sorted by x).</summary>
    internal static (double Value, double[] Gradient) LogLikelihoodAndGradient(IReadOnlyList<HistoryGroup> groups, double r, double alpha, double a, double b)
    {
        double value = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
        double gammaTerms = 0, digammaR = 0, digammaB = 0, digammaAB = 0; // ψ(r+x)-ψ(r), ψ(b+x)-ψ(b), ψ(a+b+x)-ψ(a+b)
        int lastX = 0;
        double logAlpha = Math.Log(alpha);
        foreach (var g in groups)
        {
            for (int k = lastX; k < g.Frequency; k++)
            {
                gammaTerms += Math.Log((r + k) * (b + k) / (a + b + k));
                digammaR += 1 / (r + k);
                digammaB += 1 / (b + k);
                digammaAB += 1 / (a + b + k);
            }
            lastX = g.Frequency;
            double x = g.Frequency, logAge = Math.Log(alpha + g.Age), logRecency = Math.Log(alpha + g.Recency);
            double a3 = -(r + x) * logAge;
            double a4 = x > 0 ? Math.Log(a) - Math.Log(b + x - 1) - (r + x) * logRecency : double.NegativeInfinity;
            double term = x > 0 ? LogSumExp(a3, a4) : a3;
            double w = x > 0 ? Math.Exp(a4 - term) : 0; // share of "dropped out after the last purchase" in the likelihood
            value += g.Count * (gammaTerms + r * logAlpha + term);
            dr += g.Count * (digammaR + logAlpha - (1 - w) * logAge - w * (x > 0 ? logRecency : 0));
            dAlpha += g.Count * (r / alpha - (1 - w) * (r + x) / (alpha + g.Age) - (x > 0 ? w * (r + x) / (alpha + g.Recency) : 0));
            da += g.Count * (-digammaAB + (x > 0 ? w / a : 0));
            db += g.Count * (digammaB - digammaAB - (x > 0 ? w / (b + x - 1) : 0));
        }
        return (value, [dr, dAlpha, da, db]);
    }

    private static double LogSumExp(double u, double v) => Math.Max(u, v) + Math.Log(1 + Math.Exp(-Math.Abs(u - v)));

    /// <summary>P(alive): the probability that a customer with this history has not dropped out by the end of calibration.</summary>
    public double ProbabilityAlive(CustomerHistory customer)
    {
        Check(customer);
        if (customer.Frequency == 0) return 1;
        double x = customer.Frequency;
        return 1 / (1 + A / (B + x - 1) * Math.Exp((R + x) * (Math.Log(Alpha + customer.Age) - Math.Log(Alpha + customer.Recency))));
    }

    /// <summary>Expected purchases of a new customer in their first <paramref name="horizon"/> (equation 9 of the paper).</summary>
    public double ExpectedPurchases(double horizon, TimeUnit unit)
    {
        double t = InModelUnit(horizon, unit);
        return (A + B - 1) / (A - 1) * (1 - Math.Exp(R * Math.Log(Alpha / (Alpha + t))) * SpecialFunctions.Hypergeometric2F1(R, B, A + B - 1, t / (Alpha + t)));
    }

    /// <summary>Expected purchases in the next <paramref name="horizon"/> of a customer with this calibration history (equation 10 of the paper).</summary>
    public double ConditionalExpectedPurchases(CustomerHistory customer, double horizon, TimeUnit unit)
    {
        Check(customer);
        double t = InModelUnit(horizon, unit), x = customer.Frequency, T = customer.Age;
        double hyper = SpecialFunctions.Hypergeometric2F1(R + x, B + x, A + B + x - 1, t / (Alpha + T + t));
        double numerator = (A + B + x - 1) / (A - 1) * (1 - Math.Exp((R + x) * Math.Log((Alpha + T) / (Alpha + T + t))) * hyper);
        double dropped = x > 0 ? A / (B + x - 1) * Math.Exp((R + x) * (Math.Log(Alpha + T) - Math.Log(Alpha + customer.Recency))) : 0;
        return numerator / (1 + dropped);
    }

    private double InModelUnit(double horizon, TimeUnit unit)
    {
        if (!(horizon >= 0)) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "A horizon is zero or more.");
        return TimeUnits.Convert(horizon, unit, Unit);
    }

    private static void Check(CustomerHistory customer)
    {
        if (customer.Problem() is { } problem) throw new LifetimeModelException($"Customer {customer.CustomerId} has {problem}.");
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"BG/NBD ({Unit.ToString().ToLowerInvariant()}): r = {R:F3}, alpha = {Alpha:F3}, a = {A:F3}, b = {B:F3}; log-likelihood {LogLikelihood:F1} on {Customers:N0} customers");

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["parameter", "estimate", "standard error"],
        new[] { ("r", R), ("alpha", Alpha), ("a", A), ("b", B) }.Select((p, i) => new object?[] { p.Item1, F(p.Item2), StandardErrors is { } e ? F(e[i]) : "" }),
        string.Create(CultureInfo.InvariantCulture, $"BG/NBD in {Unit.ToString().ToLowerInvariant()}, log-likelihood {LogLikelihood:F1}, {Customers:N0} customers"));

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}

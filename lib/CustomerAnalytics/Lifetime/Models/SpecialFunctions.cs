namespace CustomerAnalytics.Lifetime.Models;

/// <summary>
/// The two special functions the buy-till-you-die models need and .NET does not have: the log-gamma function
/// (Lanczos approximation, g = 7, 9 terms: about 15 significant digits for positive arguments) and the Gaussian
/// hypergeometric function 2F1 by its power series, which converges for |z| &lt; 1 (every use here has 0 &lt;= z &lt; 1).
/// </summary>
internal static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ(x) is used here for x > 0 only.");
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x); // reflection keeps the series accurate
        x -= 1;
        double sum = Lanczos[0], t = x + 7.5;
        for (int i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>
    /// 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 by summing the series until a term changes the sum by less than 1e-15 of
    /// it. Throws when 100,000 terms are not enough (z very near 1), rather than return a sum that has not converged.
    /// </summary>
    public static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        if (!(z >= 0 && z < 1)) throw new ArgumentOutOfRangeException(nameof(z), z, "The series is used for 0 <= z < 1.");
        double term = 1, sum = 1;
        for (int j = 0; j < 100_000; j++)
        {
            term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-15 * Math.Abs(sum)) return sum;
        }
        throw new LifetimeModelException($"The hypergeometric series 2F1({a:G4}, {b:G4}; {c:G4}; {z:G6}) did not converge in 100,000 terms: the horizon is too long for the fitted time scale. Shorten the horizon or fit in a longer time unit (weeks instead of days).");
    }
}

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>The statistical tests behind the drift report, written out (no statistics package needed).</summary>
public static class DriftStatistics
{
    /// <summary>Population stability index between two distributions over the same bins:
    /// Σ (actual − expected) · ln(actual / expected). Shares below <paramref name="floor"/> are raised to it so an empty bin
    /// does not make the index infinite. Below 0.1: stable; 0.1–0.25: moderate shift; above 0.25: major shift.</summary>
    public static double PopulationStabilityIndex(IReadOnlyList<double> expectedShares, IReadOnlyList<double> actualShares, double floor = 1e-4)
    {
        if (expectedShares.Count != actualShares.Count)
            throw new ArgumentException($"Both distributions need the same bins ({expectedShares.Count} vs {actualShares.Count}).");
        double psi = 0;
        for (int i = 0; i < expectedShares.Count; i++)
        {
            double e = Math.Max(expectedShares[i], floor), a = Math.Max(actualShares[i], floor);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    /// <summary>PSI of a 0/1 feature from its two rates (bins: 0 and 1).</summary>
    public static double PopulationStabilityIndex(double expectedRate, double actualRate) =>
        PopulationStabilityIndex([1 - expectedRate, expectedRate], [1 - actualRate, actualRate]);

    /// <summary>
    /// Pearson's chi-square test that two samples have the same rate of 1s (a 2×2 table, 1 degree of freedom, no
    /// continuity correction). Returns the statistic and its p-value; (0, 1) when the feature is constant in both.
    /// </summary>
    public static (double ChiSquare, double PValue) TwoProportionChiSquare(long onesA, long nA, long onesB, long nB)
    {
        if (nA <= 0 || nB <= 0) throw new ArgumentException("Both samples need at least one row.");
        long ones = onesA + onesB, n = nA + nB, zeros = n - ones;
        if (ones == 0 || zeros == 0) return (0, 1);
        double chi = 0;
        foreach (var (observed, rowTotal, columnTotal) in new[]
        {
            (onesA, nA, ones), (nA - onesA, nA, zeros), (onesB, nB, ones), (nB - onesB, nB, zeros),
        })
        {
            double expected = (double)rowTotal * columnTotal / n;
            chi += (observed - expected) * (observed - expected) / expected;
        }
        return (chi, ChiSquareOneDfPValue(chi));
    }

    /// <summary>Upper tail of the chi-square distribution with 1 degree of freedom: erfc(√(x/2)).</summary>
    public static double ChiSquareOneDfPValue(double x) => x <= 0 ? 1 : Erfc(Math.Sqrt(x / 2));

    /// <summary>
    /// Two-sample Kolmogorov-Smirnov test: the largest gap between the two empirical distribution functions and its
    /// asymptotic p-value (Stephens' small-sample correction). Conservative for discrete scores.
    /// </summary>
    public static (double Statistic, double PValue) KolmogorovSmirnov(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("Both samples need at least one value.");
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            double v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == v) i++;
            while (j < y.Length && y[j] == v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        double ne = (double)x.Length * y.Length / (x.Length + y.Length);
        double sqrtNe = Math.Sqrt(ne);
        return (d, KolmogorovQ((sqrtNe + 0.12 + 0.11 / sqrtNe) * d));
    }

    /// <summary>The Kolmogorov distribution's upper tail Q(λ) = 2 Σ (−1)^(k−1) exp(−2k²λ²).</summary>
    public static double KolmogorovQ(double lambda)
    {
        if (lambda < 0.2) return 1;
        double sum = 0, sign = 1;
        for (int k = 1; k <= 100; k++)
        {
            double term = sign * Math.Exp(-2 * k * k * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-12) break;
            sign = -sign;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }

    /// <summary>Complementary error function (Chebyshev fit, relative error below 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

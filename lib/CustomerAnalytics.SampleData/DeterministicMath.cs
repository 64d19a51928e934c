namespace CustomerAnalytics.SampleData;

/// <summary>
/// <c>Exp</c> and <c>Log</c> built only from IEEE-754 +, -, *, / (which every runtime rounds the same way).
/// <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> call the platform's C library, whose last bit may differ
/// between Windows, Linux, macOS and CPU types; the generators use these instead so that the sample files
/// are identical byte for byte on every machine. Accurate to about 1e-15 relative.
/// </summary>
public static class DeterministicMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2 split in two so k*ln2 is exact
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>e raised to <paramref name="x"/>.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x > 709.0) return double.PositiveInfinity;
        if (x < -745.0) return 0.0;
        // x = k ln2 + r with |r| <= ln2/2, so exp(x) = 2^k exp(r) and the series for exp(r) converges fast.
        double kd = Math.Round(x / Ln2, MidpointRounding.ToEven);
        int k = (int)kd;
        double r = x - kd * Ln2Hi - kd * Ln2Lo;
        double term = 1.0, sum = 1.0;
        for (int n = 1; n <= 18; n++)
        {
            term = term * r / n;
            sum += term;
        }
        return ScaleByPowerOfTwo(sum, k);
    }

    /// <summary>Natural logarithm of <paramref name="x"/> (NaN below 0, -infinity at 0).</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        int e = 0;
        if (x < 2.2250738585072014e-308) { x *= 4503599627370496.0; e = -52; } // subnormal: scale by 2^52 first
        long bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L); // [1, 2)
        if (m > 1.4142135623730951) { m *= 0.5; e++; }                                                // [0.707, 1.414]
        // log(m) = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172: the odd series converges quickly.
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s, power = s, sum = 0.0;
        for (int n = 1; n <= 31; n += 2)
        {
            sum += power / n;
            power *= s2;
        }
        return e * Ln2Hi + (2.0 * sum + e * Ln2Lo);
    }

    /// <summary>The logistic function 1 / (1 + e^-z).</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Exp(-z)) : Exp(z) / (1.0 + Exp(z));

    private static double ScaleByPowerOfTwo(double value, int k)
    {
        // Multiply by 2^k with exact power-of-two factors; Exp's range keeps k within [-1076, 1023].
        if (k < -1000)
        {
            value *= BitConverter.Int64BitsToDouble((long)(-1000 + 1023) << 52);
            k += 1000;
        }
        return value * BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
    }
}

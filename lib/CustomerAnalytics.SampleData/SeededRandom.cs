namespace CustomerAnalytics.SampleData;

/// <summary>
/// A small seeded random source (xoshiro256** seeded through SplitMix64) with the samplers the generators need.
/// Unlike <see cref="System.Random"/>, whose algorithm may change between .NET versions, this gives the same
/// stream on every runtime and machine; the samplers use <see cref="DeterministicMath"/> for the same reason.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>Creates a source whose whole stream is fixed by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent source for a sub-task (for example stream 1 for the data, 2 for Monte Carlo),
    /// so adding draws to one task never shifts another's stream.</summary>
    public static SeededRandom ForStream(int seed, ulong stream)
    {
        ulong x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ stream * 0xD1B54A32D192ED03UL);
        return new SeededRandom(SplitMix64(ref x));
    }

    /// <summary>64 uniformly random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "Must be positive.");
        ulong n = (ulong)maxExclusive;
        ulong limit = ulong.MaxValue - ulong.MaxValue % n; // reject the incomplete last block
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (int)(r % n);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int min, int maxExclusive) => min + NextInt(maxExclusive - min);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal (Marsaglia's polar method: needs only a logarithm and a square root,
    /// both reproducible).</summary>
    public double Normal()
    {
        if (_spareNormal is double spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double factor = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s); // sqrt is exactly rounded by IEEE
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>Normal with the given mean and standard deviation.</summary>
    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Log-normal: exp(N(<paramref name="mu"/>, <paramref name="sigma"/>)). Its median is e^mu.</summary>
    public double LogNormal(double mu, double sigma) => DeterministicMath.Exp(Normal(mu, sigma));

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * DeterministicMath.Log(1.0 - NextDouble());

    /// <summary>
    /// Gamma with the given shape and scale (mean shape × scale): Marsaglia and Tsang's method, with the usual boost
    /// for shapes below 1 (draw at shape + 1, multiply by U^(1/shape)).
    /// </summary>
    public double Gamma(double shape, double scale)
    {
        if (!(shape > 0 && scale > 0)) throw new ArgumentOutOfRangeException(nameof(shape), $"Gamma needs a positive shape and scale; got {shape} and {scale}.");
        if (shape < 1) return Gamma(shape + 1, scale) * DeterministicMath.Exp(DeterministicMath.Log(1.0 - NextDouble()) / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = Normal(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1.0 - NextDouble();
            if (DeterministicMath.Log(u) < 0.5 * x * x + d - d * v + d * DeterministicMath.Log(v)) return d * v * scale;
        }
    }

    /// <summary>Beta(<paramref name="a"/>, <paramref name="b"/>) as the share of the first of two Gamma draws.</summary>
    public double Beta(double a, double b)
    {
        double x = Gamma(a, 1), y = Gamma(b, 1);
        return x / (x + y);
    }

    /// <summary>Poisson count with mean <paramref name="lambda"/> (Knuth's product method; rounded normal
    /// approximation above 60, where the product would underflow).</summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 60) return Math.Max(0, (int)Math.Round(Normal(lambda, Math.Sqrt(lambda))));
        double limit = DeterministicMath.Exp(-lambda), product = NextDouble();
        int k = 0;
        while (product > limit)
        {
            k++;
            product *= NextDouble();
        }
        return k;
    }

    /// <summary>Number of successes in <paramref name="n"/> trials of probability <paramref name="p"/>.</summary>
    public int Binomial(int n, double p)
    {
        int k = 0;
        for (int i = 0; i < n; i++) if (Bernoulli(p)) k++;
        return k;
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Categorical(IReadOnlyList<double> weights)
    {
        double total = 0;
        for (int i = 0; i < weights.Count; i++) total += weights[i];
        double target = NextDouble() * total, cumulative = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            cumulative += weights[i];
            if (target < cumulative) return i;
        }
        // Rounding can leave target == total; return the last index with positive weight.
        for (int i = weights.Count - 1; i >= 0; i--) if (weights[i] > 0) return i;
        throw new ArgumentException("At least one weight must be positive.", nameof(weights));
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A string of <paramref name="length"/> random lowercase hex digits (like Olist's MD5-style ids).</summary>
    public string Hex(int length)
    {
        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        ulong bits = 0;
        for (int i = 0; i < length; i++)
        {
            if (i % 16 == 0) bits = NextUInt64();
            chars[i] = "0123456789abcdef"[(int)(bits & 0xF)];
            bits >>= 4;
        }
        return new string(chars);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = unchecked(x += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

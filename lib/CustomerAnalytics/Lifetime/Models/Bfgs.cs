namespace CustomerAnalytics.Lifetime.Models;

/// <summary>
/// BFGS with a backtracking (Armijo) line search, for smooth objectives whose gradient is known. On the BG/NBD
/// likelihood it needs a few dozen evaluations where Nelder-Mead needs hundreds; <see cref="NelderMead"/> stays the
/// fallback when it does not converge.
/// </summary>
internal static class Bfgs
{
    /// <summary>The minimum of <paramref name="f"/> (value and gradient), whether the gradient vanished, and the evaluations used.</summary>
    public static (double[] Point, double Value, int Evaluations, bool Converged) Minimize(Func<double[], (double Value, double[] Gradient)> f, double[] start, double gradientTolerance = 1e-9, int maxIterations = 500)
    {
        int n = start.Length, evaluations = 1;
        var x = (double[])start.Clone();
        var (value, gradient) = f(x);
        if (!double.IsFinite(value)) return (x, value, evaluations, false);
        // The first step moves about one unit whatever the gradient's scale (a sum over 100,000 customers is large).
        var inverse = Identity(n, 1 / Math.Max(1, gradient.Max(Math.Abs)));
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            if (gradient.Max(Math.Abs) <= gradientTolerance * (1 + Math.Abs(value))) return (x, value, evaluations, true);
            var direction = Multiply(inverse, gradient).Select(d => -d).ToArray();
            double slope = Dot(direction, gradient);
            if (slope >= 0) return (x, value, evaluations, false);
            double step = 1, nextValue;
            double[] next, nextGradient;
            while (true)
            {
                next = x.Zip(direction, (xi, di) => xi + step * di).ToArray();
                (nextValue, nextGradient) = f(next);
                evaluations++;
                if (double.IsFinite(nextValue) && nextGradient.All(double.IsFinite) && nextValue <= value + 1e-4 * step * slope) break;
                step /= 2;
                if (step < 1e-12) return (x, value, evaluations, false);
            }
            var s = next.Zip(x, (a, b) => a - b).ToArray();
            var y = nextGradient.Zip(gradient, (a, b) => a - b).ToArray();
            double sy = Dot(s, y);
            if (sy > 1e-12) Update(inverse, s, y, sy);
            (x, value, gradient) = (next, nextValue, nextGradient);
        }
        return (x, value, evaluations, false);
    }

    /// <summary>H ← (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ, with ρ = 1 / (yᵀ s).</summary>
    private static void Update(double[,] h, double[] s, double[] y, double sy)
    {
        int n = s.Length;
        var hy = Multiply(h, y);
        double yhy = Dot(y, hy);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                h[i, j] += ((sy + yhy) * s[i] * s[j] / sy - hy[i] * s[j] - s[i] * hy[j]) / sy;
    }

    private static double[,] Identity(int n, double scale)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++) m[i, i] = scale;
        return m;
    }

    private static double[] Multiply(double[,] m, double[] v) =>
        Enumerable.Range(0, v.Length).Select(i => Enumerable.Range(0, v.Length).Sum(j => m[i, j] * v[j])).ToArray();

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}

namespace CustomerAnalytics.Lifetime.Models;

/// <summary>Standard errors of maximum-likelihood estimates: the square roots of the diagonal of the inverse observed information (minus the Hessian of the log-likelihood, by central differences).</summary>
internal static class Hessian
{
    /// <summary>The standard error of each parameter at the optimum <paramref name="at"/> of <paramref name="logLikelihood"/>.</summary>
    public static double[] StandardErrors(Func<double[], double> logLikelihood, double[] at)
    {
        int n = at.Length;
        var h = at.Select(x => 1e-4 * Math.Max(Math.Abs(x), 1e-2)).ToArray();
        double F(int i, double di, int j, double dj)
        {
            var x = (double[])at.Clone();
            x[i] += di;
            x[j] += dj;
            return logLikelihood(x);
        }
        var information = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                double second = (F(i, h[i], j, h[j]) - F(i, h[i], j, -h[j]) - F(i, -h[i], j, h[j]) + F(i, -h[i], j, -h[j])) / (4 * h[i] * h[j]);
                information[i, j] = information[j, i] = -second;
            }
        var covariance = Invert(information);
        return Enumerable.Range(0, n).Select(i => covariance[i, i] > 0
            ? Math.Sqrt(covariance[i, i])
            : throw new LifetimeModelException("The likelihood is not curved at the fitted values (a parameter at a boundary or not identified by the data), so the parameters have no standard errors. More customers with repeat purchases, or a penalty, help.")).ToArray();
    }

    /// <summary>Gauss-Jordan inverse with partial pivoting.</summary>
    private static double[,] Invert(double[,] m)
    {
        int n = m.GetLength(0);
        var a = new double[n, 2 * n];
        for (int i = 0; i < n; i++) { for (int j = 0; j < n; j++) a[i, j] = m[i, j]; a[i, n + i] = 1; }
        for (int col = 0; col < n; col++)
        {
            int pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            if (Math.Abs(a[pivot, col]) < 1e-300) throw new LifetimeModelException("The information matrix is singular: a parameter is not identified by the data.");
            for (int j = 0; j < 2 * n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            double p = a[col, col];
            for (int j = 0; j < 2 * n; j++) a[col, j] /= p;
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double factor = a[r, col];
                for (int j = 0; j < 2 * n; j++) a[r, j] -= factor * a[col, j];
            }
        }
        var inverse = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) inverse[i, j] = a[i, n + j];
        return inverse;
    }
}

using System.Globalization;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// Customers drawn from the very processes BG/NBD and Gamma-Gamma assume, with known parameters: a fit on them should
/// find those parameters again, and each customer's holdout purchases are a future the models can be checked against.
/// While alive a customer buys at rate λ (exponential gaps); after each repeat purchase they drop out with
/// probability p; each purchase is worth Gamma(P, ν).
/// </summary>
public static class LifetimeSimulator
{
    /// <summary>The customers, in id order; the same options give the same customers.</summary>
    public static IReadOnlyList<SimulatedCustomer> Simulate(LifetimeSimulationOptions? options = null)
    {
        options ??= new LifetimeSimulationOptions();
        var random = new SeededRandom((ulong)options.Seed);
        var customers = new SimulatedCustomer[options.Customers];
        for (int i = 0; i < customers.Length; i++)
        {
            double rate = random.Gamma(options.R, 1 / options.Alpha), dropout = random.Beta(options.A, options.B);
            double nu = random.Gamma(options.Q, 1 / options.Gamma), birth = random.Uniform(0, options.BirthWeeks);
            double age = options.CalibrationWeeks - birth, end = age + options.CalibrationWeeks;
            var purchases = new List<double>();
            for (double t = random.Exponential(1 / rate); t <= end; t += random.Exponential(1 / rate))
            {
                purchases.Add(t);
                if (random.Bernoulli(dropout)) break;
            }
            var calibration = purchases.Where(t => t <= age).ToArray();
            double spend = 0;
            for (int k = 0; k < calibration.Length; k++) spend += random.Gamma(options.P, 1 / nu);
            customers[i] = new SimulatedCustomer(i.ToString("D6", CultureInfo.InvariantCulture), calibration.Length,
                calibration.Length == 0 ? 0 : calibration[^1], age, calibration.Length == 0 ? 0 : spend / calibration.Length,
                purchases.Count - calibration.Length, rate, dropout, options.P / nu);
        }
        return customers;
    }
}

using System.Globalization;
using CustomerAnalytics.Lifetime.Data;
using CustomerAnalytics.Lifetime.Models;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Benchmarks;

/// <summary>Workshop 07 at scale: fit BG/NBD and Gamma-Gamma to 100,000 simulated customers and value every one of them.</summary>
public sealed class LifetimeBenchmark : IBenchmark
{
    public string Name => "lifetime-100k";
    public string Description => "BG/NBD + Gamma-Gamma fits on 100,000 customers simulated from the CDNOW parameters (weeks), then P(alive), 39-week expected purchases and 52-week CLV for each; target well under 1 s";

    public object? Setup(string workFolder)
    {
        var customers = LifetimeSimulator.Simulate(new LifetimeSimulationOptions { Customers = 100_000 });
        var histories = customers.Select(c => new CustomerHistory(c.CustomerId, c.Frequency, c.Recency, c.Age)).ToArray();
        var spends = customers.Where(c => c.Frequency > 0).Select(c => new RepeatSpend(c.CustomerId, c.Frequency, c.AverageRepeatSpend)).ToArray();
        var averageSpend = customers.ToDictionary(c => c.CustomerId, c => c.AverageRepeatSpend);
        // The same customers for the SciPy peer (peers/lifetime_scipy.py), in round-trip precision.
        AtomicFile.WriteAllText(Path.Combine(workFolder, "lifetime-100k.csv"), string.Join('\n', customers.Select(c => string.Join(',',
                c.CustomerId, c.Frequency, c.Recency.ToString("R", CultureInfo.InvariantCulture), c.Age.ToString("R", CultureInfo.InvariantCulture),
                c.AverageRepeatSpend.ToString("R", CultureInfo.InvariantCulture)))
            .Prepend("customer_id,frequency,recency,age,average_repeat_spend")) + "\n");
        return (histories, spends, averageSpend);
    }

    public string Run(object? state)
    {
        var (histories, spends, averageSpend) = ((CustomerHistory[], RepeatSpend[], Dictionary<string, double>))state!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var purchases = BgNbdModel.Fit(histories, TimeUnit.Weeks);
        var bgNbd = clock.Elapsed;
        var spend = GammaGammaModel.Fit(spends);
        var gammaGamma = clock.Elapsed - bgNbd;
        var horizon = new ClvHorizon(13, 4, TimeUnit.Weeks, 0.01);
        double totalValue = 0, alive = 0, expected = 0;
        foreach (var h in histories)
        {
            var value = LifetimeValue.Of(purchases, spend, h, averageSpend[h.CustomerId], horizon);
            totalValue += value.Value;
            alive += value.ProbabilityAlive;
            expected += purchases.ConditionalExpectedPurchases(h, 39, TimeUnit.Weeks);
        }
        var scoring = clock.Elapsed - bgNbd - gammaGamma;
        return $"BG/NBD fit {bgNbd.TotalSeconds:F2} s, Gamma-Gamma fit {gammaGamma.TotalSeconds:F2} s, scoring {scoring.TotalSeconds:F2} s; {histories.Length:N0} customers; {purchases}; {spend}; mean P(alive) {alive / histories.Length:F3}; expected 39-week purchases {expected:N0}; total 52-week CLV {totalValue:N0}";
    }
}

using CustomerAnalytics.Lifetime.Data;
using CustomerAnalytics.Lifetime.Models;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>
/// On customers drawn from the models' own processes with known parameters, the fits find those parameters (within
/// three standard errors) and the forecast meets the simulated future.
/// </summary>
public sealed class SimulatedRecoveryTests
{
    private static readonly LifetimeSimulationOptions Options = new() { Customers = 20_000 };
    private static readonly IReadOnlyList<SimulatedCustomer> Customers = LifetimeSimulator.Simulate(Options);

    private static IReadOnlyList<CustomerHistory> Histories() =>
        Customers.Select(c => new CustomerHistory(c.CustomerId, c.Frequency, c.Recency, c.Age)).ToArray();

    [Fact]
    public void BgNbd_finds_the_parameters_that_made_the_customers()
    {
        var model = BgNbdModel.Fit(Histories(), TimeUnit.Weeks);
        var errors = model.StandardErrors!;
        Assert.InRange(model.R, Options.R - 3 * errors[0], Options.R + 3 * errors[0]);
        Assert.InRange(model.Alpha, Options.Alpha - 3 * errors[1], Options.Alpha + 3 * errors[1]);
        Assert.InRange(model.A, Options.A - 3 * errors[2], Options.A + 3 * errors[2]);
        Assert.InRange(model.B, Options.B - 3 * errors[3], Options.B + 3 * errors[3]);
    }

    [Fact]
    public void The_holdout_forecast_meets_the_simulated_future()
    {
        var model = BgNbdModel.Fit(Histories(), TimeUnit.Weeks);
        double expected = Histories().Sum(h => model.ConditionalExpectedPurchases(h, Options.CalibrationWeeks, TimeUnit.Weeks));
        int actual = Customers.Sum(c => c.HoldoutPurchases);
        Assert.InRange(expected / actual, 0.95, 1.05);
    }

    [Fact]
    public void GammaGamma_finds_the_spend_parameters()
    {
        var repeat = Customers.Where(c => c.Frequency > 0).Select(c => new RepeatSpend(c.CustomerId, c.Frequency, c.AverageRepeatSpend)).ToArray();
        var model = GammaGammaModel.Fit(repeat);
        var errors = model.StandardErrors!;
        Assert.InRange(model.P, Options.P - 3 * errors[0], Options.P + 3 * errors[0]);
        Assert.InRange(model.Q, Options.Q - 3 * errors[1], Options.Q + 3 * errors[1]);
        Assert.InRange(model.Gamma, Options.Gamma - 3 * errors[2], Options.Gamma + 3 * errors[2]);
        Assert.InRange(model.FrequencySpendCorrelation, -0.05, 0.05); // independent by construction
    }

    [Fact]
    public void The_simulation_is_seeded()
    {
        Assert.Equal(LifetimeSimulator.Simulate(Options with { Customers = 50 }), LifetimeSimulator.Simulate(Options with { Customers = 50 }));
        Assert.NotEqual(LifetimeSimulator.Simulate(Options with { Customers = 50 }), LifetimeSimulator.Simulate(Options with { Customers = 50, Seed = 2 }));
    }
}

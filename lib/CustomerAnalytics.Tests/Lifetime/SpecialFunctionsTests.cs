using CustomerAnalytics.Lifetime.Models;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>ln Γ and 2F1 against closed forms.</summary>
public sealed class SpecialFunctionsTests
{
    [Fact]
    public void LogGamma_matches_factorials_and_the_half()
    {
        Assert.Equal(Math.Log(362880), SpecialFunctions.LogGamma(10), 12);
        Assert.Equal(0.5 * Math.Log(Math.PI), SpecialFunctions.LogGamma(0.5), 12);
        Assert.Equal(0, SpecialFunctions.LogGamma(1), 12);
        Assert.Equal(Math.Log(4.5908437119988030532), SpecialFunctions.LogGamma(0.2), 12); // Γ(0.2)
    }

    [Fact]
    public void Hypergeometric_matches_closed_forms_and_refuses_what_cannot_converge()
    {
        foreach (var z in new[] { 0.0, 0.3, 0.9, 0.99 })
        {
            Assert.Equal(z == 0 ? 1 : -Math.Log(1 - z) / z, SpecialFunctions.Hypergeometric2F1(1, 1, 2, z), 10);
            Assert.Equal(1, SpecialFunctions.Hypergeometric2F1(2.5, 1, 1, z) / Math.Pow(1 - z, -2.5), 10); // (1-z)^-a
        }
        Assert.Contains("did not converge", Assert.Throws<LifetimeModelException>(() => SpecialFunctions.Hypergeometric2F1(5, 5, 1, 0.99999999)).Message);
    }
}

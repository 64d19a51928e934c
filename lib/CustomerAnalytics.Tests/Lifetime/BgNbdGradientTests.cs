using CustomerAnalytics.Lifetime.Data;
using CustomerAnalytics.Lifetime.Models;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>The exact gradient the BG/NBD fit follows equals the likelihood's numerical slope, and vanishes at the fit.</summary>
public sealed class BgNbdGradientTests
{
    [Theory]
    [InlineData(0.243, 4.414, 0.793, 2.426)]
    [InlineData(1.5, 0.7, 3.0, 0.6)]
    public void The_gradient_equals_central_differences_of_the_likelihood(double r, double alpha, double a, double b)
    {
        var groups = HistoryGroups.Of(CdnowSample.Histories());
        var (value, gradient) = BgNbdModel.LogLikelihoodAndGradient(groups, r, alpha, a, b);
        double[] theta = [r, alpha, a, b];
        double At(double[] p) => new BgNbdModel(p[0], p[1], p[2], p[3], TimeUnit.Weeks).LogLikelihoodOf(CdnowSample.Histories());
        Assert.Equal(At(theta), value, 6);
        for (int i = 0; i < 4; i++)
        {
            double h = 1e-6 * theta[i];
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (At(up) - At(down)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-4 * (1 + Math.Abs(numeric)), $"parameter {i}: exact {gradient[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void The_gradient_vanishes_at_the_fit()
    {
        var model = BgNbdModel.Fit(CdnowSample.Histories(), TimeUnit.Weeks);
        var (_, gradient) = BgNbdModel.LogLikelihoodAndGradient(HistoryGroups.Of(CdnowSample.Histories()), model.R, model.Alpha, model.A, model.B);
        double[] theta = [model.R, model.Alpha, model.A, model.B];
        Assert.All(gradient.Select((g, i) => g * theta[i]), g => Assert.InRange(g, -1e-2, 1e-2));
    }
}

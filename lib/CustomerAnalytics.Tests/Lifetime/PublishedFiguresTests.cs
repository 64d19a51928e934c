using CustomerAnalytics.Lifetime.Data;
using CustomerAnalytics.Lifetime.Models;

namespace CustomerAnalytics.Tests.Lifetime;

/// <summary>
/// The published figures on the CDNOW sample, to their printed precision: BG/NBD (Fader, Hardie and Lee 2005) and
/// Gamma-Gamma (Fader and Hardie 2013).
/// </summary>
public sealed class PublishedFiguresTests
{
    [Fact]
    public void The_summary_has_the_papers_customers_and_repeat_buyers()
    {
        var histories = CdnowSample.Histories();
        Assert.Equal(2357, histories.Count);
        Assert.Equal(946, histories.Count(h => h.Frequency > 0));
        Assert.Equal(946, CdnowSample.RepeatSpends().Count);
    }

    [Fact]
    public void BgNbd_reproduces_the_published_parameters_and_log_likelihood()
    {
        var model = BgNbdModel.Fit(CdnowSample.Histories(), TimeUnit.Weeks);
        Assert.Equal(0.243, Math.Round(model.R, 3));
        Assert.Equal(4.414, Math.Round(model.Alpha, 3));
        Assert.Equal(0.793, Math.Round(model.A, 3));
        Assert.Equal(2.426, Math.Round(model.B, 3));
        Assert.Equal(-9582.4, Math.Round(model.LogLikelihood, 1));
        Assert.All(model.StandardErrors!, e => Assert.InRange(e, 1e-4, 1));
    }

    [Fact]
    public void GammaGamma_reproduces_the_published_parameters()
    {
        var model = GammaGammaModel.Fit(CdnowSample.RepeatSpends());
        Assert.Equal(946, model.Customers);
        Assert.Equal(6.25, Math.Round(model.P, 2));
        Assert.Equal(3.74, Math.Round(model.Q, 2));
        Assert.Equal(15.44, Math.Round(model.Gamma, 2));
    }
}

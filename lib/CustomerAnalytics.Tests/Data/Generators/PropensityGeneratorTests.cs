using System.Globalization;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Data.Generators;

public sealed class PropensitySampleFixture : IDisposable
{
    public TempFolder Folder { get; } = new();
    public PropensityResult Result { get; }
    public List<string[]> Rows { get; }

    public PropensitySampleFixture()
    {
        Result = new PropensityGenerator().Write(Folder.Sub("propensity"), Folder.Sub("truth"));
        Rows = GeneratedCsv.Rows(Result.Path);
    }

    public void Dispose() => Folder.Dispose();
}

public class PropensityGeneratorTests(PropensitySampleFixture sample) : IClassFixture<PropensitySampleFixture>
{
    private static int[] Features(string[] row) => row[1..24].Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void HeaderIsTheKaggleTrainingSampleHeader()
    {
        Assert.Equal(
            "UserID,basket_icon_click,basket_add_list,basket_add_detail,sort_by,image_picker,account_page_click,promo_banner_click," +
            "detail_wishlist_add,list_size_dropdown,closed_minibasket_click,checked_delivery_detail,checked_returns_detail,sign_in," +
            "saw_checkout,saw_sizecharts,saw_delivery,saw_account_upgrade,saw_homepage,device_mobile,device_computer,device_tablet," +
            "returning_user,loc_uk,ordered",
            GeneratedCsv.Lines(sample.Result.Path)[0]);
    }

    [Fact]
    public void RowsAreBinaryWithOneDeviceAndRealLookingUserIds()
    {
        Assert.Equal(12_000, sample.Rows.Count);
        Assert.All(sample.Rows, r =>
        {
            Assert.Matches("^([0-9a-f]{4})-[0-9a-f]{8}-\\1-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{6}$", r[0]);
            Assert.All(r[1..], f => Assert.Contains(f, new[] { "0", "1" }));
            Assert.Equal(1, int.Parse(r[19], CultureInfo.InvariantCulture) + int.Parse(r[20], CultureInfo.InvariantCulture) + int.Parse(r[21], CultureInfo.InvariantCulture));
        });
        Assert.Equal(sample.Rows.Count, sample.Rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void PositiveRateIsAboutFourPercentAndMatchesTheMeanTrueProbability()
    {
        double rate = sample.Rows.Count(r => r[24] == "1") / (double)sample.Rows.Count;
        Assert.Equal(0.04, rate, 0.01);
        Assert.Equal(sample.Result.PositiveRate, rate);
        // Standard error of the rate at n = 12,000 is ~0.0018.
        Assert.Equal(sample.Result.MeanTrueProbability, rate, 0.006);
    }

    [Fact]
    public void TruthFileHoldsTheModelProbabilityOfEachRow()
    {
        var truth = GeneratedCsv.Rows(sample.Result.TrueProbabilityPath);
        Assert.Equal("UserID,p", GeneratedCsv.Lines(sample.Result.TrueProbabilityPath)[0]);
        Assert.Equal(sample.Rows.Select(r => r[0]), truth.Select(t => t[0]));
        for (int i = 0; i < sample.Rows.Count; i++)
        {
            double p = sample.Result.Model.Probability(Features(sample.Rows[i]));
            Assert.Equal(p, double.Parse(truth[i][1], CultureInfo.InvariantCulture), 6);
            Assert.Equal(p, sample.Result.TrueProbability[i]);
        }
    }

    [Fact]
    public void WeightsFileHoldsTheModel()
    {
        var rows = GeneratedCsv.Rows(sample.Result.WeightsPath);
        Assert.Equal(["(intercept)", .. PropensityModel.FeatureNames], rows.Select(r => r[0]));
        Assert.Equal(PropensityModel.Default.Intercept, double.Parse(rows[0][1], CultureInfo.InvariantCulture));
        Assert.Equal(PropensityModel.Default.Weights, rows.Skip(1).Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void FeaturesAreCorrelatedLikeAShoppingFunnel()
    {
        var x = sample.Rows.Select(Features).ToList();
        int checkout = PropensityModel.FeatureNames.ToList().IndexOf("saw_checkout");
        int basket = PropensityModel.FeatureNames.ToList().IndexOf("basket_add_detail");
        int delivery = PropensityModel.FeatureNames.ToList().IndexOf("checked_delivery_detail");
        double Rate(Func<int[], bool> where, int feature) => x.Where(where).Average(r => (double)r[feature]);
        Assert.True(Rate(r => r[basket] == 1, checkout) > 3 * Rate(r => r[basket] == 0, checkout));
        Assert.True(Rate(r => r[checkout] == 1, delivery) > 5 * Rate(r => r[checkout] == 0, delivery));
        Assert.Equal(0.68, sample.Result.FeatureRates[PropensityModel.FeatureNames.ToList().IndexOf("device_mobile")], 0.02);

        // Checkout sessions order far more often than others.
        double ordered(bool saw) => sample.Rows.Where(r => (r[checkout + 1] == "1") == saw).Average(r => r[24] == "1" ? 1.0 : 0.0);
        Assert.True(ordered(true) > 10 * ordered(false));
        Assert.InRange(sample.Result.BestAuc, 0.9, 0.999);
    }

    [Fact]
    public void ResultRendersRatesAndWeightsAsHtml()
    {
        var html = sample.Result.ToHtml();
        Assert.Contains(PropensityGenerator.FileName, html);
        Assert.Contains("saw_checkout", html);
        Assert.Contains("(intercept)", html);
    }

    [Fact]
    public void SameSeedGivesIdenticalBytesAndAnotherSeedDoesNot()
    {
        using var folder = new TempFolder();
        var options = new PropensityOptions { Sessions = 2000 };
        new PropensityGenerator(options).Write(folder.Sub("a"));
        GeneratedCsv.WithCulture("fr-FR", () => new PropensityGenerator(options).Write(folder.Sub("b")));
        new PropensityGenerator(options with { Seed = 9 }).Write(folder.Sub("c"));
        GeneratedCsv.AssertSameFiles(folder.Sub("a"), folder.Sub("b"));
        Assert.True(GeneratedCsv.AnyFileDiffers(folder.Sub("a"), folder.Sub("c")));
    }

    [Fact]
    public void ARuleForAnUnknownFeatureIsRejectedWithTheKnownNames()
    {
        var options = new PropensityOptions { FeatureRules = [.. PropensityGenerator.DefaultFeatureRules, new("saw_basket", 0, 0, [])] };
        using var folder = new TempFolder();
        var error = Assert.Throws<ArgumentException>(() => new PropensityGenerator(options).Write(folder.Path));
        Assert.Contains("saw_basket", error.Message);
        Assert.Contains("saw_checkout", error.Message);
    }
}

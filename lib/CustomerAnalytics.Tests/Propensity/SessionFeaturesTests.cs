using CustomerAnalytics.Data;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>The model's view of a session: names from the file schema, the vector in their order, flags by name.</summary>
public sealed class SessionFeaturesTests
{
    private static readonly SessionRecord Session = new()
    {
        UserId = "u",
        Flags = [.. SessionFeatures.Names.Select(n => n is "sign_in" or "loc_uk")],
        Ordered = true,
    };

    [Fact]
    public void TheNamesAreTheFileColumnsAndTheVectorLengthMatchesThem()
    {
        Assert.Same(DatasetSchemas.PropensityFeatures, SessionFeatures.Names);
        Assert.Equal(SessionInput.FeatureCount, SessionFeatures.Names.Count);
        Assert.Equal(["UserID", .. SessionFeatures.Names, "ordered"], DatasetSchemas.PropensitySessions.Columns.Select(c => c.Name));
    }

    [Fact]
    public void TheVectorAndTheFlagsFollowTheNames()
    {
        var vector = Session.ToFeatureVector();
        Assert.Equal(SessionFeatures.Names.Count, vector.Length);
        Assert.Equal(1f, vector[SessionFeatures.IndexOf("sign_in")]);
        Assert.Equal(2f, vector.Sum());
        Assert.True(Session.Flag("loc_uk"));
        Assert.False(Session.Flag("saw_checkout"));
        Assert.Equal(SessionInput.From(Session).Features, vector);
    }

    [Fact]
    public void AnUnknownFeatureIsNamedWithTheListOfFeatures()
    {
        var error = Assert.Throws<PropensityInputException>(() => Session.Flag("checkout"));
        Assert.Equal("checkout", error.Column);
        Assert.Contains("'checkout' is not a session feature. Features: basket_icon_click, ", error.Message);
    }
}

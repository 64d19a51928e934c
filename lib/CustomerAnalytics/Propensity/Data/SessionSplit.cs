using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>A stratified train / validation / test split of labelled sessions.</summary>
/// <param name="Train">Sessions the models learn from.</param>
/// <param name="Validation">Sessions used to choose (the model, the threshold).</param>
/// <param name="Test">Sessions held out for the final figures.</param>
/// <param name="Seed">The seed of the shuffle.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SessionSplit(IReadOnlyList<SessionRecord> Train, IReadOnlyList<SessionRecord> Validation, IReadOnlyList<SessionRecord> Test, int Seed)
    : IHtmlRenderable
{
    private IEnumerable<(string Name, ClassBalance Balance)> Parts =>
        [("train", PropensityData.Balance(Train)), ("validation", PropensityData.Balance(Validation)), ("test", PropensityData.Balance(Test))];

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Parts.Select(p => $"{p.Name}: {p.Balance}"));

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["set", "sessions", "orders", "order rate"],
        Parts.Select(p => new object?[] { p.Name, p.Balance.Sessions, p.Balance.Orders, p.Balance.OrderRate.ToString("P2", CultureInfo.InvariantCulture) }),
        $"Stratified split (seed {Seed})");
}

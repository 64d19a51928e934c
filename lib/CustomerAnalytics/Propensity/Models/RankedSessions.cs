using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Models;

/// <summary>One scored session in a ranking.</summary>
/// <param name="Rank">1 = most likely to order.</param>
/// <param name="UserId">The session's user.</param>
/// <param name="Probability">The model's probability of an order.</param>
/// <param name="Ordered">The label, when the file had one.</param>
public sealed record RankedSession(int Rank, string UserId, double Probability, bool? Ordered);

/// <summary>Sessions sorted by the model's probability, highest first.</summary>
/// <param name="Model">The model that scored them.</param>
/// <param name="Sessions">All sessions, ranked.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record RankedSessions(string Model, IReadOnlyList<RankedSession> Sessions) : IHtmlRenderable
{
    /// <summary>How many rows <see cref="ToHtml"/> shows.</summary>
    public int ShowTop { get; init; } = 10;

    /// <summary>The first <paramref name="n"/> sessions.</summary>
    public IReadOnlyList<RankedSession> Top(int n) => Sessions.Take(n).ToArray();

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sessions.Count:N0} sessions ranked by {Model}") +
        string.Concat(Top(ShowTop).Select(s => string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {s.Rank,4} {s.UserId} {s.Probability:F4}")));

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["rank", "UserID", "probability", "ordered"],
        Top(ShowTop).Select(s => new object?[] { s.Rank, s.UserId, s.Probability.ToString("F4", CultureInfo.InvariantCulture), s.Ordered switch { true => "1", false => "0", null => "" } }),
        string.Create(CultureInfo.InvariantCulture, $"Top {Math.Min(ShowTop, Sessions.Count)} of {Sessions.Count:N0} sessions ranked by {Model}"));
}

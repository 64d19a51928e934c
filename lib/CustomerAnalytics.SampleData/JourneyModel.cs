using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// The true process behind the touchpoint journeys: a hidden customer type, then a Markov chain over touchpoints
/// (TV channels, <c>web</c>, <c>visit</c>). A journey's input is its first L tokens (L uniform in
/// [<see cref="MinInputLength"/>, <see cref="MaxInputLength"/>]) and its target the next M tokens
/// (M uniform in [<see cref="MinTargetLength"/>, <see cref="MaxTargetLength"/>]); it converts when the target
/// contains <c>visit</c>. Given an input, the methods here give the exact Bayes-optimal predictions: the type is
/// unknown, so they average the types' chains by their posterior probability.
/// </summary>
/// <param name="Tokens">Vocabulary, in the order of the probability vectors.</param>
/// <param name="Types">The customer types and their chains.</param>
/// <param name="MinInputLength">Shortest input.</param>
/// <param name="MaxInputLength">Longest input.</param>
/// <param name="MinTargetLength">Shortest target.</param>
/// <param name="MaxTargetLength">Longest target.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record JourneyModel(
    IReadOnlyList<string> Tokens,
    IReadOnlyList<JourneyCustomerType> Types,
    int MinInputLength,
    int MaxInputLength,
    int MinTargetLength,
    int MaxTargetLength) : IHtmlRenderable
{
    /// <summary>The website touchpoint.</summary>
    public const string Web = "web";
    /// <summary>A store visit: the conversion.</summary>
    public const string Visit = "visit";

    /// <summary>UK TV channels, one token each.</summary>
    public static readonly IReadOnlyList<string> Channels =
        ["itv", "itv2", "channel4", "e4", "channel5", "sky_one", "sky_sports", "sky_atlantic", "dave", "comedy_central"];

    /// <summary>The model of the committed sample: four customer types over 10 channels, web and visit.</summary>
    public static JourneyModel Default { get; } = CreateDefault();

    /// <summary>Index of each token.</summary>
    public int TokenIndex(string token)
    {
        for (int i = 0; i < Tokens.Count; i++) if (Tokens[i] == token) return i;
        throw new ArgumentException($"Unknown touchpoint '{token}'; known: {string.Join(", ", Tokens)}.", nameof(token));
    }

    /// <summary>P(type | input) for each type, in <see cref="Types"/> order.</summary>
    public double[] TypePosterior(IReadOnlyList<string> input) => new JourneyPredictor(this).TypePosterior(Indices(input));

    /// <summary>The true distribution of the touchpoint that follows <paramref name="input"/> (the first target token).</summary>
    public IReadOnlyDictionary<string, double> NextTouchpointDistribution(IReadOnlyList<string> input)
    {
        var next = new JourneyPredictor(this).NextDistribution(Indices(input));
        return Tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => next[p.i]);
    }

    /// <summary>The true probability that the target after <paramref name="input"/> contains a visit.</summary>
    public double VisitProbability(IReadOnlyList<string> input) => new JourneyPredictor(this).VisitProbability(Indices(input));

    private int[] Indices(IReadOnlyList<string> input) => input.Select(TokenIndex).ToArray();

    /// <inheritdoc />
    public string ToHtml() =>
        Html.Table(["type", "share"], Types.Select(t => new object?[] { t.Name, t.Share }), "Journey customer types") +
        string.Concat(Types.Select(t => Html.Table(["from \\ to", .. Tokens],
            Tokens.Select((from, i) => new object?[] { from }.Concat(t.Transition[i].Select(p => (object?)p))),
            $"Transitions of {t.Name}")));

    private static JourneyModel CreateDefault()
    {
        IReadOnlyList<string> tokens = [.. Channels, Web, Visit];
        return new JourneyModel(tokens,
        [
            // Watches the main commercial channels; TV ads send them to the website, and the website to the store.
            JourneyCustomerType.Build("tv_responder", 0.35, tokens,
                new Dictionary<string, double> { ["itv"] = 0.35, ["channel4"] = 0.25, ["channel5"] = 0.15, ["itv2"] = 0.10, ["e4"] = 0.05, ["dave"] = 0.05, ["sky_one"] = 0.05 },
                stay: 0.25, tvToWeb: 0.25, tvToVisit: 0.01, webToWeb: 0.25, webToVisit: 0.45, startOnWeb: 0.1),
            // Lives on sports channels, rarely acts on ads.
            JourneyCustomerType.Build("sports_fan", 0.20, tokens,
                new Dictionary<string, double> { ["sky_sports"] = 0.55, ["dave"] = 0.15, ["sky_one"] = 0.10, ["itv"] = 0.08, ["channel5"] = 0.07, ["itv2"] = 0.05 },
                stay: 0.45, tvToWeb: 0.05, tvToVisit: 0.005, webToWeb: 0.2, webToVisit: 0.10, startOnWeb: 0.05),
            // Researches on the web between the odd drama; converts most.
            JourneyCustomerType.Build("web_researcher", 0.25, tokens,
                new Dictionary<string, double> { ["channel4"] = 0.25, ["sky_atlantic"] = 0.2, ["itv"] = 0.15, ["e4"] = 0.1, ["comedy_central"] = 0.1, ["channel5"] = 0.1, ["sky_one"] = 0.1 },
                stay: 0.15, tvToWeb: 0.45, tvToVisit: 0.02, webToWeb: 0.40, webToVisit: 0.40, startOnWeb: 0.5),
            // Zaps between entertainment channels; seldom goes online or to a store.
            JourneyCustomerType.Build("channel_hopper", 0.20, tokens,
                new Dictionary<string, double> { ["e4"] = 0.18, ["itv2"] = 0.18, ["comedy_central"] = 0.16, ["sky_one"] = 0.14, ["dave"] = 0.12, ["channel5"] = 0.1, ["sky_atlantic"] = 0.06, ["channel4"] = 0.06 },
                stay: 0.10, tvToWeb: 0.04, tvToVisit: 0.003, webToWeb: 0.1, webToVisit: 0.05, startOnWeb: 0.02),
        ], MinInputLength: 3, MaxInputLength: 20, MinTargetLength: 1, MaxTargetLength: 5);
    }
}

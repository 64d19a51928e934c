using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// The true process behind the GA4-style events: each user has a hidden engagement type (<see cref="Types"/>)
/// that sets how many sessions they have, how far apart, and the Markov chain of events inside each session.
/// A session is <c>[first_visit,] session_start, page_view</c> followed by the chain, which can only end after a
/// user_engagement event. The methods give the exact Bayes-optimal next-event predictions for a predictor that
/// sees the events of the current session so far (not the user's earlier sessions, nor timings).
/// </summary>
/// <param name="Types">The engagement types.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record Ga4Model(IReadOnlyList<Ga4UserType> Types) : IHtmlRenderable
{
    /// <summary>The event GA4 logs once, at the start of a user's first session.</summary>
    public const string FirstVisit = "first_visit";
    /// <summary>The event that starts every session.</summary>
    public const string SessionStart = "session_start";
    /// <summary>The name of the "session ends" column of a transition row (not an event in the file).</summary>
    public const string EndOfSession = "(end)";

    /// <summary>Events of the within-session chain, in the row/column order of <see cref="Ga4UserType.Transition"/>.</summary>
    public static readonly IReadOnlyList<string> ChainEvents =
    [
        "page_view", "scroll", "user_engagement", "view_search_results", "view_item_list", "view_item",
        "add_to_cart", "begin_checkout", "add_payment_info", "purchase",
    ];

    /// <summary>Every event_name that appears in the file.</summary>
    public static readonly IReadOnlyList<string> EventNames = [FirstVisit, SessionStart, .. ChainEvents];

    /// <summary>The model of the committed sample: bouncers, one-day visitors, returners and buyers.</summary>
    public static Ga4Model Default { get; } = new(
    [
        new("bouncer", 0.30, 1, 0.0, 0, 0, 0, 6, Ga4UserType.BuildTransitions(0.90, 0.02, 0.05, 0.10, 0.20)),
        new("one_day", 0.35, 1, 0.8, 2, 2, 0.8, 18, Ga4UserType.BuildTransitions(0.55, 0.08, 0.20, 0.35, 0.50)),
        new("returner", 0.25, 2, 1.0, 40, 72, 0.7, 22, Ga4UserType.BuildTransitions(0.45, 0.12, 0.30, 0.50, 0.60)),
        new("buyer", 0.10, 2, 2.0, 30, 48, 0.7, 28, Ga4UserType.BuildTransitions(0.35, 0.28, 0.50, 0.70, 0.80)),
    ]);

    /// <summary>P(type | the session's events so far), in <see cref="Types"/> order.</summary>
    public double[] TypePosterior(IReadOnlyList<string> sessionPrefix) => new Ga4Predictor(this).TypePosterior(Codes(sessionPrefix));

    /// <summary>The true distribution of the next event of a session given its events so far (given that the session
    /// goes on): deterministic after first_visit and session_start, a type-weighted mix of the chains afterwards.</summary>
    public IReadOnlyDictionary<string, double> NextEventDistribution(IReadOnlyList<string> sessionPrefix)
    {
        var next = new Ga4Predictor(this).NextDistribution(Codes(sessionPrefix));
        return EventNames.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => next[p.i]);
    }

    /// <summary>
    /// The best achievable accuracy of predicting every event after the first of each session from the session's
    /// earlier events, on the given sessions (each a list of event names in time order): the mean probability of the
    /// Bayes-optimal guess. Use it to put a ceiling on a next-event model's test accuracy.
    /// </summary>
    public double BestNextEventAccuracy(IEnumerable<IReadOnlyList<string>> sessions)
    {
        var predictor = new Ga4Predictor(this);
        double sum = 0;
        long positions = 0;
        foreach (var session in sessions)
        {
            foreach (var p in predictor.ProbabilityOfBestGuess(Codes(session))) sum += p;
            positions += Math.Max(0, session.Count - 1);
        }
        return positions == 0 ? 0 : sum / positions;
    }

    internal static int Code(string eventName)
    {
        for (int i = 0; i < EventNames.Count; i++) if (EventNames[i] == eventName) return i;
        throw new ArgumentException($"Unknown event '{eventName}'; known: {string.Join(", ", EventNames)}.", nameof(eventName));
    }

    private static int[] Codes(IReadOnlyList<string> events) => events.Select(Code).ToArray();

    /// <inheritdoc />
    public string ToHtml() =>
        Html.Table(["type", "share", "sessions", "1st gap (h)", "later gaps (h)", "s between events"],
            Types.Select(t => new object?[] { t.Name, t.Share, $"{t.MinSessions} + Poisson({t.ExtraSessionsMean})", t.FirstGapMedianHours, t.LaterGapMedianHours, t.MeanSecondsBetweenEvents }),
            "GA4 user types") +
        string.Concat(Types.Select(t => Html.Table(["from \\ to", .. ChainEvents, EndOfSession],
            ChainEvents.Select((from, i) => new object?[] { from }.Concat(t.Transition[i].Select(p => (object?)p))),
            $"Within-session transitions of {t.Name}")));
}

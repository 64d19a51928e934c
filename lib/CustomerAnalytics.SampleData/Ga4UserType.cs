namespace CustomerAnalytics.SampleData;

/// <summary>
/// One hidden engagement type of the GA4 model: how many sessions a user has, how far apart, how fast events
/// follow each other, and the Markov chain of events inside a session.
/// </summary>
/// <param name="Name">Type name, for example "returner".</param>
/// <param name="Share">Share of users of this type.</param>
/// <param name="MinSessions">Sessions every user of the type has.</param>
/// <param name="ExtraSessionsMean">Mean of the Poisson number of further sessions.</param>
/// <param name="FirstGapMedianHours">Median hours from the start of the first session to the start of the second (log-normal).</param>
/// <param name="LaterGapMedianHours">Median hours between later session starts (log-normal).</param>
/// <param name="GapSigma">Log-scale spread of the gaps between sessions.</param>
/// <param name="MeanSecondsBetweenEvents">Mean seconds between events inside a session (1 s + exponential).</param>
/// <param name="Transition">Transition[from][to] over <see cref="Ga4Model.ChainEvents"/>, with one extra last column:
/// the probability that the session ends. Only user_engagement can end a session, so every session ends with it.</param>
public sealed record Ga4UserType(
    string Name,
    double Share,
    int MinSessions,
    double ExtraSessionsMean,
    double FirstGapMedianHours,
    double LaterGapMedianHours,
    double GapSigma,
    double MeanSecondsBetweenEvents,
    IReadOnlyList<IReadOnlyList<double>> Transition)
{
    /// <summary>Expected number of sessions per user.</summary>
    public double ExpectedSessions => MinSessions + ExtraSessionsMean;

    /// <summary>
    /// A within-session chain from five funnel numbers: <paramref name="endAfterEngagement"/> (a user_engagement
    /// event ends the session), <paramref name="addToCart"/> (after view_item), <paramref name="checkout"/>
    /// (begin_checkout after add_to_cart), <paramref name="payment"/> (add_payment_info after begin_checkout) and
    /// <paramref name="purchase"/> (after add_payment_info). The other moves share the remaining probability in
    /// fixed proportions (page views lead to scrolling, lists lead to items, and so on).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double>> BuildTransitions(
        double endAfterEngagement, double addToCart, double checkout, double payment, double purchase)
    {
        var events = Ga4Model.ChainEvents;
        int n = events.Count;
        double[] Row(double fixedShare, string? fixedTo, params (string To, double Weight)[] rest)
        {
            var row = new double[n + 1];
            double total = rest.Sum(r => r.Weight);
            foreach (var (to, weight) in rest) row[Index(to)] += (1 - fixedShare) * weight / total;
            if (fixedTo is not null) row[fixedTo == Ga4Model.EndOfSession ? n : Index(fixedTo)] += fixedShare;
            return row;
        }
        int Index(string e)
        {
            for (int i = 0; i < n; i++) if (events[i] == e) return i;
            throw new ArgumentException($"Unknown event '{e}'.");
        }

        return
        [
            Row(0, null, ("scroll", 0.30), ("user_engagement", 0.25), ("view_item_list", 0.18), ("view_search_results", 0.07), ("view_item", 0.12), ("page_view", 0.08)),
            Row(0, null, ("user_engagement", 0.50), ("page_view", 0.25), ("view_item_list", 0.12), ("view_item", 0.13)),
            Row(endAfterEngagement, Ga4Model.EndOfSession, ("page_view", 0.45), ("view_item_list", 0.25), ("view_item", 0.15), ("view_search_results", 0.15)),
            Row(0, null, ("view_item", 0.50), ("view_item_list", 0.20), ("user_engagement", 0.20), ("page_view", 0.10)),
            Row(0, null, ("view_item", 0.55), ("scroll", 0.15), ("user_engagement", 0.20), ("page_view", 0.10)),
            Row(addToCart, "add_to_cart", ("user_engagement", 0.40), ("view_item", 0.20), ("page_view", 0.20), ("scroll", 0.20)),
            Row(checkout, "begin_checkout", ("view_item", 0.40), ("user_engagement", 0.35), ("page_view", 0.25)),
            Row(payment, "add_payment_info", ("user_engagement", 0.70), ("page_view", 0.30)),
            Row(purchase, "purchase", ("user_engagement", 0.80), ("begin_checkout", 0.20)),
            Row(0, null, ("user_engagement", 0.85), ("page_view", 0.15)),
        ];
    }
}

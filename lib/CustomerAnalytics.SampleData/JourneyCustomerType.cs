namespace CustomerAnalytics.SampleData;

/// <summary>
/// One hidden customer type of the journey model: a first-order Markov chain over the touchpoint tokens.
/// </summary>
/// <param name="Name">Type name, for example "tv_responder".</param>
/// <param name="Share">Share of customers of this type.</param>
/// <param name="Initial">Probability of each token (in <see cref="JourneyModel.Tokens"/> order) being the first touchpoint.</param>
/// <param name="Transition">Transition[from][to]: probability that touchpoint <c>to</c> follows <c>from</c>. Rows sum to 1.</param>
public sealed record JourneyCustomerType(
    string Name,
    double Share,
    IReadOnlyList<double> Initial,
    IReadOnlyList<IReadOnlyList<double>> Transition)
{
    /// <summary>
    /// Builds a type from a few interpretable numbers. From a TV channel the customer stays on the same channel
    /// with probability <paramref name="stay"/>, goes to the web with <paramref name="tvToWeb"/>, visits the store
    /// directly with <paramref name="tvToVisit"/>, otherwise watches a channel drawn from
    /// <paramref name="channelPreference"/>. From the web: web again with <paramref name="webToWeb"/>, a visit with
    /// <paramref name="webToVisit"/>, otherwise a channel. After a visit: web with 0.15, another visit with 0.02,
    /// otherwise a channel. The journey starts on the web with <paramref name="startOnWeb"/>, else on a channel.
    /// </summary>
    public static JourneyCustomerType Build(
        string name, double share, IReadOnlyList<string> tokens, IReadOnlyDictionary<string, double> channelPreference,
        double stay, double tvToWeb, double tvToVisit, double webToWeb, double webToVisit, double startOnWeb)
    {
        int n = tokens.Count, web = IndexOf(tokens, JourneyModel.Web), visit = IndexOf(tokens, JourneyModel.Visit);
        var preference = new double[n];
        foreach (var (channel, weight) in channelPreference) preference[IndexOf(tokens, channel)] = weight;
        double total = preference.Sum();
        for (int i = 0; i < n; i++) preference[i] /= total;

        double[] Row(double toSelf, int self, double toWeb, double toVisit)
        {
            var row = new double[n];
            double rest = 1 - toSelf - toWeb - toVisit;
            for (int j = 0; j < n; j++) row[j] = rest * preference[j];
            if (self >= 0) row[self] += toSelf;
            row[web] += toWeb;
            row[visit] += toVisit;
            return row;
        }

        var transition = new IReadOnlyList<double>[n];
        for (int from = 0; from < n; from++)
        {
            transition[from] = from == web ? Row(0, -1, webToWeb, webToVisit)
                : from == visit ? Row(0, -1, 0.15, 0.02)
                : Row(stay, from, tvToWeb, tvToVisit);
        }
        var initial = preference.Select(p => p * (1 - startOnWeb)).ToArray();
        initial[web] += startOnWeb;
        return new JourneyCustomerType(name, share, initial, transition);
    }

    private static int IndexOf(IReadOnlyList<string> tokens, string token)
    {
        for (int i = 0; i < tokens.Count; i++) if (tokens[i] == token) return i;
        throw new ArgumentException($"Unknown touchpoint '{token}'; known: {string.Join(", ", tokens)}.");
    }
}

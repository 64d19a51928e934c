namespace CustomerAnalytics.SampleData;

/// <summary>Exact Bayes-optimal next-event predictions under a <see cref="Ga4Model"/>, on event codes
/// (indices into <see cref="Ga4Model.EventNames"/>: 0 first_visit, 1 session_start, 2.. the chain events).</summary>
internal sealed class Ga4Predictor
{
    private const int ChainOffset = 2;
    private readonly Ga4Model _model;
    private readonly double[] _firstSessionPrior;
    private readonly double[] _laterSessionPrior;

    public Ga4Predictor(Ga4Model model)
    {
        _model = model;
        // A first session comes from a type in proportion to its users; a later session in proportion to the
        // later sessions its users have (bouncers have none).
        _firstSessionPrior = Normalise(model.Types.Select(t => t.Share).ToArray());
        var later = model.Types.Select(t => t.Share * (t.ExpectedSessions - 1)).ToArray();
        _laterSessionPrior = later.Sum() > 0 ? Normalise(later) : _firstSessionPrior;
    }

    public double[] TypePosterior(int[] prefix)
    {
        var weights = (double[])(prefix.Length > 0 && prefix[0] == 0 ? _firstSessionPrior : _laterSessionPrior).Clone();
        for (int t = 1; t < prefix.Length; t++) Update(weights, prefix[t - 1], prefix[t]);
        return weights;
    }

    public double[] NextDistribution(int[] prefix)
    {
        if (prefix.Length == 0) throw new ArgumentException("A session prefix needs at least one event.");
        return Next(TypePosterior(prefix), prefix[^1]);
    }

    /// <summary>For each event after the first: the probability of the Bayes-optimal guess made before seeing it.</summary>
    public IEnumerable<double> ProbabilityOfBestGuess(int[] session)
    {
        if (session.Length == 0) yield break;
        var weights = (double[])(session[0] == 0 ? _firstSessionPrior : _laterSessionPrior).Clone();
        for (int t = 1; t < session.Length; t++)
        {
            yield return Next(weights, session[t - 1]).Max();
            Update(weights, session[t - 1], session[t]);
        }
    }

    /// <summary>The probability the Bayes-optimal guess assigns to the event that actually came next, and whether
    /// the guess was right, for each event after the first.</summary>
    public IEnumerable<(double BestProbability, bool Correct)> Guesses(int[] session)
    {
        if (session.Length == 0) yield break;
        var weights = (double[])(session[0] == 0 ? _firstSessionPrior : _laterSessionPrior).Clone();
        for (int t = 1; t < session.Length; t++)
        {
            var next = Next(weights, session[t - 1]);
            int best = 0;
            for (int j = 1; j < next.Length; j++) if (next[j] > next[best]) best = j;
            yield return (next[best], best == session[t]);
            Update(weights, session[t - 1], session[t]);
        }
    }

    // Only chain-to-chain moves depend on the type; first_visit -> session_start -> page_view is fixed.
    private void Update(double[] weights, int from, int to)
    {
        if (from < ChainOffset || to < ChainOffset) return;
        for (int k = 0; k < weights.Length; k++) weights[k] *= _model.Types[k].Transition[from - ChainOffset][to - ChainOffset];
        Normalise(weights);
    }

    private double[] Next(double[] weights, int last)
    {
        var next = new double[Ga4Model.EventNames.Count];
        if (last == 0) { next[1] = 1; return next; }               // first_visit -> session_start
        if (last == 1) { next[ChainOffset] = 1; return next; }     // session_start -> page_view
        for (int k = 0; k < weights.Length; k++)
        {
            var row = _model.Types[k].Transition[last - ChainOffset];
            for (int j = 0; j < Ga4Model.ChainEvents.Count; j++) next[j + ChainOffset] += weights[k] * row[j];
        }
        return Normalise(next); // condition on the session going on
    }

    private static double[] Normalise(double[] weights)
    {
        double total = weights.Sum();
        if (total > 0) for (int i = 0; i < weights.Length; i++) weights[i] /= total;
        return weights;
    }
}

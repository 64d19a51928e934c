namespace CustomerAnalytics.SampleData;

/// <summary>Exact Bayes-optimal predictions under a <see cref="JourneyModel"/>, on token indices, with the
/// look-up table for conversion probabilities built once.</summary>
internal sealed class JourneyPredictor
{
    private readonly JourneyModel _model;
    private readonly double[] _prior;
    private readonly int _visit;
    // _noVisit[k][s] = P(no visit among the next M tokens | current token s, type k), averaged over the target length M.
    private readonly double[][] _noVisit;

    public JourneyPredictor(JourneyModel model)
    {
        _model = model;
        double total = model.Types.Sum(t => t.Share);
        _prior = model.Types.Select(t => t.Share / total).ToArray();
        _visit = model.TokenIndex(JourneyModel.Visit);
        _noVisit = model.Types.Select(NoVisitByStart).ToArray();
    }

    public double[] TypePosterior(int[] input)
    {
        var weights = (double[])_prior.Clone();
        var types = _model.Types;
        for (int t = 0; t < input.Length; t++)
        {
            for (int k = 0; k < weights.Length; k++)
                weights[k] *= t == 0 ? types[k].Initial[input[0]] : types[k].Transition[input[t - 1]][input[t]];
            Normalise(weights); // every step, so long inputs never underflow
        }
        return weights;
    }

    public double[] NextDistribution(int[] input)
    {
        var posterior = TypePosterior(input);
        var next = new double[_model.Tokens.Count];
        for (int k = 0; k < posterior.Length; k++)
        {
            var row = input.Length == 0 ? _model.Types[k].Initial : _model.Types[k].Transition[input[^1]];
            for (int j = 0; j < next.Length; j++) next[j] += posterior[k] * row[j];
        }
        return next;
    }

    public double VisitProbability(int[] input)
    {
        var posterior = TypePosterior(input);
        double p = 0;
        for (int k = 0; k < posterior.Length; k++) p += posterior[k] * (1 - _noVisit[k][input[^1]]);
        return p;
    }

    // v_m(s) = Σ_{j ≠ visit} T(s, j) v_{m-1}(j), v_0 = 1, averaged over m in the target-length range.
    private double[] NoVisitByStart(JourneyCustomerType type)
    {
        int n = _model.Tokens.Count;
        var v = Enumerable.Repeat(1.0, n).ToArray();
        var average = new double[n];
        for (int m = 1; m <= _model.MaxTargetLength; m++)
        {
            var next = new double[n];
            for (int s = 0; s < n; s++)
                for (int j = 0; j < n; j++)
                    if (j != _visit) next[s] += type.Transition[s][j] * v[j];
            v = next;
            if (m >= _model.MinTargetLength) for (int s = 0; s < n; s++) average[s] += v[s];
        }
        int lengths = _model.MaxTargetLength - _model.MinTargetLength + 1;
        for (int s = 0; s < n; s++) average[s] /= lengths;
        return average;
    }

    private static void Normalise(double[] weights)
    {
        double total = weights.Sum();
        if (total > 0) for (int i = 0; i < weights.Length; i++) weights[i] /= total;
    }
}

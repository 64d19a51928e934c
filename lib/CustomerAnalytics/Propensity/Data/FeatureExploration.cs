using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>One feature's rate among sessions that ordered and among those that did not.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="RateOrdered">Share of ordering sessions with the flag set.</param>
/// <param name="RateNotOrdered">Share of non-ordering sessions with the flag set.</param>
/// <param name="CorrelationWithOrdered">Pearson (phi) correlation of the flag with the label.</param>
public sealed record FeatureRate(string Feature, double RateOrdered, double RateNotOrdered, double CorrelationWithOrdered);

/// <summary>Feature rates by outcome and their correlation with the label, in file order.</summary>
/// <param name="Rates">One row per feature.</param>
/// <param name="Balance">The class counts behind the rates.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record FeatureRates(IReadOnlyList<FeatureRate> Rates, ClassBalance Balance) : IHtmlRenderable
{
    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["feature", "rate if ordered", "rate if not", "correlation with ordered"],
        Rates.OrderByDescending(r => r.CorrelationWithOrdered).Select(r => new object?[] { r.Feature,
            r.RateOrdered.ToString("P1", CultureInfo.InvariantCulture), r.RateNotOrdered.ToString("P1", CultureInfo.InvariantCulture),
            r.CorrelationWithOrdered.ToString("F3", CultureInfo.InvariantCulture) }),
        string.Create(CultureInfo.InvariantCulture, $"Feature rates by outcome ({Balance.Orders:N0} orders, {Balance.NonOrders:N0} non-orders), by correlation"));
}

/// <summary>Pearson correlations between every pair of columns (features, then the label).</summary>
/// <param name="Names">Column names (the 23 features and <c>ordered</c>).</param>
/// <param name="Values">Correlation matrix, Names × Names.</param>
public sealed record CorrelationMatrix(IReadOnlyList<string> Names, double[][] Values);

/// <summary>Descriptive statistics of the sessions, for the exploration section.</summary>
public static class FeatureExploration
{
    /// <summary>Each feature's rate among orders and non-orders, and its correlation with <c>ordered</c>.</summary>
    public static FeatureRates RatesByOutcome(IReadOnlyList<SessionRecord> sessions)
    {
        var correlations = Correlations(sessions);
        int label = correlations.Names.Count - 1;
        var x = Matrix(sessions);
        var ordered = sessions.Select(s => s.Ordered == true).ToArray();
        int positives = ordered.Count(o => o), negatives = sessions.Count - positives;
        var rates = SessionFeatures.Names.Select((name, f) =>
        {
            double onesOrdered = 0, onesNot = 0;
            for (int i = 0; i < x.Length; i++) { if (ordered[i]) onesOrdered += x[i][f]; else onesNot += x[i][f]; }
            return new FeatureRate(name, positives == 0 ? 0 : onesOrdered / positives, negatives == 0 ? 0 : onesNot / negatives, correlations.Values[f][label]);
        }).ToArray();
        return new FeatureRates(rates, PropensityData.Balance(sessions));
    }

    /// <summary>Pearson correlation matrix of the 23 features and the label (0 where a column is constant).</summary>
    public static CorrelationMatrix Correlations(IReadOnlyList<SessionRecord> sessions)
    {
        var x = Matrix(sessions);
        var names = SessionFeatures.Names.Append(PropensityData.LabelColumn).ToArray();
        int k = names.Length, n = x.Length;
        var mean = new double[k];
        foreach (var row in x) for (int j = 0; j < k; j++) mean[j] += row[j] / n;
        var cov = new double[k, k];
        foreach (var row in x)
            for (int a = 0; a < k; a++)
                for (int b = a; b < k; b++) cov[a, b] += (row[a] - mean[a]) * (row[b] - mean[b]);
        var values = new double[k][];
        for (int a = 0; a < k; a++)
        {
            values[a] = new double[k];
            for (int b = 0; b < k; b++)
            {
                double c = a <= b ? cov[a, b] : cov[b, a], denominator = Math.Sqrt(cov[a, a] * cov[b, b]);
                values[a][b] = denominator == 0 ? 0 : c / denominator;
            }
        }
        return new CorrelationMatrix(names, values);
    }

    private static double[][] Matrix(IReadOnlyList<SessionRecord> sessions) =>
        sessions.Select(s => s.ToFeatureVector().Select(v => (double)v).Append(s.Ordered == true ? 1.0 : 0.0).ToArray()).ToArray();
}

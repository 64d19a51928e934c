using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Evaluation;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>
/// Workshop 04's model against the generator's truth, as the one <see cref="TruthComparison"/>. The sample journeys
/// come from known Markov chains, so the best any model can do is known: the Bayes-optimal guess for the next
/// touchpoint and for "a visit follows", over the whole population (<see cref="TruthRow.WholeSample"/>), and the same
/// Bayes predictions scored on exactly the test journeys (<see cref="TruthRow.Truth"/>), which removes the luck of the split.
/// </summary>
public static class JourneyTruth
{
    /// <summary>Compares <paramref name="evaluation"/> with the truth files in <paramref name="truthFolder"/>
    /// (journey_best_accuracy.csv, journey_customer_types.csv). <paramref name="conversionProbabilities"/>
    /// (customer id -> P(visit)) adds the model's "probability above 0.5" accuracy.</summary>
    /// <exception cref="DataFileNotFoundException">A truth file is missing.</exception>
    public static TruthComparison Compare(SequenceEvaluation evaluation, string truthFolder, IReadOnlyDictionary<string, double>? conversionProbabilities = null, string model = "lstm")
    {
        var best = TruthFiles.Read(Path.Combine(truthFolder, "journey_best_accuracy.csv"), "metric", "value").ToDictionary(r => r.Key, r => Parse(r.Value[1]));
        var types = TruthFiles.Read(Path.Combine(truthFolder, "journey_customer_types.csv"), "customer_id", "customer_type", "p_visit", "bayes_next_touchpoint", "p_bayes_next")
            .ToDictionary(r => r.Key, r => (PVisit: Parse(r.Value[2]), Next: r.Value[3]));
        var known = evaluation.Predictions.Where(p => types.ContainsKey(p.Id)).ToArray();
        if (known.Length == 0)
            throw new ArgumentException("None of the evaluated journeys is in the truth file: the truth only describes the generated sample data.", nameof(evaluation));
        double bayesNext = known.Average(p => types[p.Id].Next == p.Target[0] ? 1.0 : 0.0);
        double bayesVisit = known.Average(p => (types[p.Id].PVisit > 0.5) == p.Target.Contains(evaluation.Event) ? 1.0 : 0.0);
        var modelNext = known.Average(p => p.NextTouchpoints[0].Token == p.Target[0] ? 1.0 : 0.0);
        var modelVisit = known.Average(p => p.Predicted.Contains(evaluation.Event) == p.Target.Contains(evaluation.Event) ? 1.0 : 0.0);
        var rows = new List<TruthRow>
        {
            new(model, "next touchpoint accuracy (top-1)", modelNext, "Bayes-optimal", bayesNext, best["best_next_touchpoint_accuracy"]),
            new(model, $"'{evaluation.Event}' accuracy: predicted sequence contains it", modelVisit, "Bayes-optimal", bayesVisit, best["best_visit_accuracy"]),
        };
        if (conversionProbabilities is not null)
            rows.Add(new(model, $"'{evaluation.Event}' accuracy: P({evaluation.Event}) > 0.5",
                known.Average(p => (conversionProbabilities.GetValueOrDefault(p.Id) > 0.5) == p.Target.Contains(evaluation.Event) ? 1.0 : 0.0),
                "Bayes-optimal", bayesVisit, best["best_visit_accuracy"]));
        return new TruthComparison(known.Length, "test journeys", rows);
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}

using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Sequences;

/// <summary>One metric: the model, the Bayes-optimal predictor on the same journeys, and the best achievable overall.</summary>
public sealed record TruthRow(string Metric, double Model, double BayesOnTheseJourneys, double BestAchievable);

/// <summary>
/// The model against the generator's truth. The sample journeys come from known Markov chains, so the
/// best any model can do is known: the Bayes-optimal guess for the next touchpoint is right 38.9% of the
/// time and for "a visit follows" 80.8% (over the whole population). The same Bayes predictions are also
/// scored on exactly the test journeys, which removes the luck of the split from the comparison.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record JourneyTruthComparison(IReadOnlyList<TruthRow> Rows, int Journeys) : IHtmlRenderable
{
    /// <summary>Compares <paramref name="evaluation"/> with the truth files in <paramref name="truthFolder"/>
    /// (journey_best_accuracy.csv, journey_customer_types.csv). <paramref name="conversionProbabilities"/>
    /// (customer id -> P(visit)) adds the model's "probability above 0.5" accuracy.</summary>
    /// <exception cref="DataFileNotFoundException">A truth file is missing.</exception>
    public static JourneyTruthComparison Compare(SequenceEvaluation evaluation, string truthFolder, IReadOnlyDictionary<string, double>? conversionProbabilities = null)
    {
        var best = ReadCsv(Path.Combine(truthFolder, "journey_best_accuracy.csv")).ToDictionary(r => r[0], r => Parse(r[1]));
        var types = ReadCsv(Path.Combine(truthFolder, "journey_customer_types.csv")).ToDictionary(r => r[0], r => (PVisit: Parse(r[2]), Next: r[3]));
        var known = evaluation.Predictions.Where(p => types.ContainsKey(p.Id)).ToArray();
        if (known.Length == 0)
            throw new ArgumentException("None of the evaluated journeys is in the truth file: the truth only describes the generated sample data.", nameof(evaluation));
        double bayesNext = known.Average(p => types[p.Id].Next == p.Target[0] ? 1.0 : 0.0);
        double bayesVisit = known.Average(p => (types[p.Id].PVisit > 0.5) == p.Target.Contains(evaluation.Event) ? 1.0 : 0.0);
        var modelNext = known.Average(p => p.NextTouchpoints[0].Token == p.Target[0] ? 1.0 : 0.0);
        var modelVisit = known.Average(p => p.Predicted.Contains(evaluation.Event) == p.Target.Contains(evaluation.Event) ? 1.0 : 0.0);
        var rows = new List<TruthRow>
        {
            new("next touchpoint accuracy (top-1)", modelNext, bayesNext, best["best_next_touchpoint_accuracy"]),
            new($"'{evaluation.Event}' accuracy: predicted sequence contains it", modelVisit, bayesVisit, best["best_visit_accuracy"]),
        };
        if (conversionProbabilities is not null)
            rows.Add(new($"'{evaluation.Event}' accuracy: P({evaluation.Event}) > 0.5",
                known.Average(p => (conversionProbabilities.GetValueOrDefault(p.Id) > 0.5) == p.Target.Contains(evaluation.Event) ? 1.0 : 0.0), bayesVisit, best["best_visit_accuracy"]));
        return new JourneyTruthComparison(rows, known.Length);
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> ReadCsv(string path)
    {
        if (!File.Exists(path)) throw new DataFileNotFoundException(path, "Truth files come with the sample data in data/truth/; regenerate them with 'dotnet run --project lib/CustomerAnalytics.Runner -- --generate-data'.");
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));
    }

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["metric", "model", "Bayes-optimal, same journeys", "best achievable (population)", "model / best"],
        Rows.Select(r => new object?[] { r.Metric, F(r.Model), F(r.BayesOnTheseJourneys), F(r.BestAchievable), (r.Model / r.BestAchievable).ToString("P0", CultureInfo.InvariantCulture) }),
        $"Model against the generator's truth ({Journeys} test journeys)");

    /// <inheritdoc/>
    public override string ToString() => string.Join("\n", Rows.Select(r => $"{r.Metric}: model {F(r.Model)}, Bayes {F(r.BayesOnTheseJourneys)}, best {F(r.BestAchievable)}"));

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}

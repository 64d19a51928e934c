using System.Globalization;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// Writes customer touchpoint journeys in the format of the public <c>small_train_data.csv</c> (repository shinchan75034/LSTM_TouchPoint): one line per customer,
/// TAB-separated <c>customer_id</c>, input touchpoints, target touchpoints, no header; touchpoints are single-word
/// tokens separated by single spaces (TV channels such as <c>itv</c> or <c>sky_sports</c>, plus <c>web</c> and
/// <c>visit</c>). A customer converts when the target contains <c>visit</c>. The generating
/// <see cref="JourneyModel"/>, each journey's type and Bayes-optimal predictions, and the best achievable
/// accuracies go to truth files.
/// </summary>
public sealed class JourneyGenerator(JourneyOptions? options = null)
{
    /// <summary>File name of the journeys.</summary>
    public const string FileName = "touchpoint_journeys.tsv";
    /// <summary>Truth file: customer_id,customer_type,p_visit,bayes_next_touchpoint,p_bayes_next.</summary>
    public const string TypesFileName = "journey_customer_types.csv";
    /// <summary>Truth file: customer_type,from,to,probability.</summary>
    public const string TransitionsFileName = "journey_transitions.csv";
    /// <summary>Truth file: metric,value.</summary>
    public const string BestAccuracyFileName = "journey_best_accuracy.csv";
    /// <summary>The "from" value of the initial-token rows in the transitions file.</summary>
    public const string StartToken = "<start>";

    /// <summary>The settings in use.</summary>
    public JourneyOptions Options { get; } = options ?? new JourneyOptions();

    /// <summary>Writes the journeys to <paramref name="folder"/> and the truth files to
    /// <paramref name="truthFolder"/> (default: <c>folder/truth</c>).</summary>
    public JourneyResult Write(string folder, string? truthFolder = null)
    {
        truthFolder ??= Path.Combine(folder, "truth");
        var model = Options.Model;
        if (model.MinInputLength < 1 || model.MinTargetLength < 1 || model.MaxInputLength < model.MinInputLength || model.MaxTargetLength < model.MinTargetLength)
            throw new ArgumentException("Journey lengths must satisfy 1 <= min <= max for both input and target.");
        var predictor = new JourneyPredictor(model);
        var random = SeededRandom.ForStream(Options.Seed, 1);
        int visit = model.TokenIndex(JourneyModel.Visit);
        int digits = Math.Max(6, Options.Journeys.ToString(CultureInfo.InvariantCulture).Length);

        var path = Path.Combine(folder, FileName);
        var truth = new List<JourneyTruth>(Options.Journeys);
        int conversions = 0;
        using (var w = new GeneratedFileWriter(path, separator: '\t'))
        {
            for (int i = 0; i < Options.Journeys; i++)
            {
                var (type, input, target) = Simulate(random, model);
                string id = "C" + (i + 1).ToString("D" + digits, CultureInfo.InvariantCulture);
                w.Field(id).Field(Join(model, input)).Field(Join(model, target));
                w.EndRow();
                if (target.Contains(visit)) conversions++;
                var next = predictor.NextDistribution(input);
                int best = ArgMax(next);
                truth.Add(new JourneyTruth(id, model.Types[type].Name, predictor.VisitProbability(input), model.Tokens[best], next[best]));
            }
        }

        var (bestNext, bestVisit, expectedConversion) = BestAccuracies(model, Options.Seed, Options.MonteCarloJourneys);

        var typesPath = Path.Combine(truthFolder, TypesFileName);
        using (var w = new GeneratedFileWriter(typesPath))
        {
            w.Header(["customer_id", "customer_type", "p_visit", "bayes_next_touchpoint", "p_bayes_next"]);
            foreach (var t in truth)
            {
                w.Field(t.CustomerId).Field(t.CustomerType).Field(t.VisitProbability, "0.000000")
                    .Field(t.BayesNextTouchpoint).Field(t.BayesNextProbability, "0.000000");
                w.EndRow();
            }
        }

        var transitionsPath = Path.Combine(truthFolder, TransitionsFileName);
        using (var w = new GeneratedFileWriter(transitionsPath))
        {
            w.Header(["customer_type", "from", "to", "probability"]);
            foreach (var type in model.Types)
            {
                for (int from = -1; from < model.Tokens.Count; from++)
                {
                    var row = from < 0 ? type.Initial : type.Transition[from];
                    for (int to = 0; to < model.Tokens.Count; to++)
                    {
                        w.Field(type.Name).Field(from < 0 ? StartToken : model.Tokens[from]).Field(model.Tokens[to]).Field(row[to], "0.########");
                        w.EndRow();
                    }
                }
            }
        }

        var bestPath = Path.Combine(truthFolder, BestAccuracyFileName);
        using (var w = new GeneratedFileWriter(bestPath))
        {
            w.Header(["metric", "value"]);
            w.Field("best_next_touchpoint_accuracy").Field(bestNext, "0.0000");
            w.EndRow();
            w.Field("best_visit_accuracy").Field(bestVisit, "0.0000");
            w.EndRow();
            w.Field("expected_conversion_rate").Field(expectedConversion, "0.0000");
            w.EndRow();
        }

        return new JourneyResult(path, typesPath, transitionsPath, bestPath, Options.Journeys, conversions, model,
            bestNext, bestVisit, expectedConversion, truth);
    }

    /// <summary>
    /// Best achievable accuracies under <paramref name="model"/>, by simulating <paramref name="journeys"/> inputs
    /// (seed stream 2 of <paramref name="seed"/>) and averaging each input's exact Bayes accuracy: the probability
    /// of the most likely next touchpoint, and max(p, 1 - p) for conversion. Also returns the mean conversion probability.
    /// </summary>
    public static (double NextTouchpoint, double Visit, double ConversionRate) BestAccuracies(JourneyModel model, int seed, int journeys)
    {
        var predictor = new JourneyPredictor(model);
        var random = SeededRandom.ForStream(seed, 2);
        double next = 0, visit = 0, conversion = 0;
        for (int i = 0; i < journeys; i++)
        {
            var (_, input, _) = Simulate(random, model);
            next += predictor.NextDistribution(input).Max();
            double p = predictor.VisitProbability(input);
            visit += Math.Max(p, 1 - p);
            conversion += p;
        }
        int n = Math.Max(1, journeys);
        return (next / n, visit / n, conversion / n);
    }

    private static (int Type, int[] Input, int[] Target) Simulate(SeededRandom random, JourneyModel model)
    {
        int type = random.Categorical(model.Types.Select(t => t.Share).ToArray());
        int inputLength = random.NextInt(model.MinInputLength, model.MaxInputLength + 1);
        int targetLength = random.NextInt(model.MinTargetLength, model.MaxTargetLength + 1);
        var chain = model.Types[type];
        var tokens = new int[inputLength + targetLength];
        tokens[0] = random.Categorical(chain.Initial);
        for (int t = 1; t < tokens.Length; t++) tokens[t] = random.Categorical(chain.Transition[tokens[t - 1]]);
        return (type, tokens[..inputLength], tokens[inputLength..]);
    }

    private static string Join(JourneyModel model, int[] tokens) => string.Join(' ', tokens.Select(t => model.Tokens[t]));

    private static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}

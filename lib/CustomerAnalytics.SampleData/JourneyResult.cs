using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>The truth about one written journey.</summary>
/// <param name="CustomerId">The journey's customer_id.</param>
/// <param name="CustomerType">The hidden type that generated it.</param>
/// <param name="VisitProbability">True P(target contains a visit | input).</param>
/// <param name="BayesNextTouchpoint">The most likely next touchpoint given the input (the Bayes-optimal guess).</param>
/// <param name="BayesNextProbability">Its probability: the chance that guess is right.</param>
public sealed record JourneyTruth(
    string CustomerId, string CustomerType, double VisitProbability, string BayesNextTouchpoint, double BayesNextProbability);

/// <summary>What <see cref="JourneyGenerator"/> wrote, with the true model and the best achievable accuracies.</summary>
/// <param name="Path">The journeys file (TAB-separated customer_id, input, target; no header).</param>
/// <param name="TypesPath">Truth file, one row per journey (see <see cref="JourneyTruth"/>).</param>
/// <param name="TransitionsPath">Truth file: customer_type,from,to,probability (from = "&lt;start&gt;" for the first token).</param>
/// <param name="BestAccuracyPath">Truth file: metric,value with the numbers below.</param>
/// <param name="Journeys">Lines written.</param>
/// <param name="Conversions">Lines whose target contains a visit.</param>
/// <param name="Model">The true process.</param>
/// <param name="BestNextTouchpointAccuracy">Best achievable accuracy of predicting the first target token from the input:
/// the mean probability of the argmax of the true next-token distribution, over simulated journeys.</param>
/// <param name="BestVisitAccuracy">Best achievable accuracy of predicting conversion (a visit in the target) from the input:
/// the mean of max(p, 1 - p) over simulated journeys.</param>
/// <param name="ExpectedConversionRate">Conversion rate the model implies (mean p over simulated journeys).</param>
/// <param name="Truth">Per-journey truth, in file order.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record JourneyResult(
    string Path,
    string TypesPath,
    string TransitionsPath,
    string BestAccuracyPath,
    int Journeys,
    int Conversions,
    JourneyModel Model,
    double BestNextTouchpointAccuracy,
    double BestVisitAccuracy,
    double ExpectedConversionRate,
    IReadOnlyList<JourneyTruth> Truth) : IHtmlRenderable
{
    /// <summary>Share of journeys that converted.</summary>
    public double ConversionRate => Journeys == 0 ? 0 : (double)Conversions / Journeys;

    /// <summary>The files written, with row counts.</summary>
    public IReadOnlyList<GeneratedFile> Files =>
    [
        new("touchpoint journeys", Path, Journeys),
        new("truth: journey types and Bayes predictions", TypesPath, Journeys),
        new("truth: transition model", TransitionsPath, Model.Types.Count * (Model.Tokens.Count + 1) * Model.Tokens.Count),
        new("truth: best achievable accuracy", BestAccuracyPath, 3),
    ];

    /// <inheritdoc />
    public string ToHtml() =>
        GeneratedFile.FilesTable(Files, "Touchpoint journeys sample") +
        Html.Table(["conversion rate", "best next-touchpoint accuracy", "best visit accuracy"],
            [[ConversionRate, BestNextTouchpointAccuracy, BestVisitAccuracy]]);
}

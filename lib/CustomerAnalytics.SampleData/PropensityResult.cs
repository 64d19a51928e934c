using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>What <see cref="PropensityGenerator"/> wrote, with the true probability of every session.</summary>
/// <param name="Path">training_sample.csv: UserID, the 23 features, ordered.</param>
/// <param name="TrueProbabilityPath">Truth file: UserID,p.</param>
/// <param name="WeightsPath">Truth file: feature,weight (the intercept first, as "(intercept)").</param>
/// <param name="Sessions">Rows written.</param>
/// <param name="Positives">Rows with ordered = 1.</param>
/// <param name="Model">The true label model.</param>
/// <param name="UserIds">UserID of each row, in file order.</param>
/// <param name="TrueProbability">P(ordered = 1 | features) of each row, in file order.</param>
/// <param name="FeatureRates">Share of 1s of each feature, in <see cref="PropensityModel.Features"/> order.</param>
/// <param name="BestAuc">ROC AUC of the true probability against the drawn labels: what a perfect model would score on this sample.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record PropensityResult(
    string Path,
    string TrueProbabilityPath,
    string WeightsPath,
    int Sessions,
    int Positives,
    PropensityModel Model,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<double> TrueProbability,
    IReadOnlyList<double> FeatureRates,
    double BestAuc) : IHtmlRenderable
{
    /// <summary>Share of sessions that ordered.</summary>
    public double PositiveRate => Sessions == 0 ? 0 : (double)Positives / Sessions;

    /// <summary>Mean of the true probabilities (the positive rate the model implies).</summary>
    public double MeanTrueProbability => TrueProbability.Count == 0 ? 0 : TrueProbability.Average();

    /// <summary>The files written, with row counts.</summary>
    public IReadOnlyList<GeneratedFile> Files =>
    [
        new("propensity sessions", Path, Sessions),
        new("truth: true probability", TrueProbabilityPath, Sessions),
        new("truth: model weights", WeightsPath, Model.Weights.Count + 1),
    ];

    /// <inheritdoc />
    public string ToHtml() =>
        GeneratedFile.FilesTable(Files, "Propensity-to-purchase sample") +
        Html.Table(["positive rate", "mean true p", "best achievable AUC"], [[PositiveRate, MeanTrueProbability, BestAuc]]) +
        Model.ToHtml();
}

using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// The true purchase model behind the propensity sample: <c>P(ordered = 1 | x) = sigmoid(Intercept + Σ Weights[i]·x[i])</c>
/// over the 23 binary session features, in <see cref="Features"/> order. Because the label depends on the features
/// only through this formula, logistic regression is the best possible model and <see cref="Probability"/> is the
/// ceiling any classifier can reach.
/// </summary>
/// <param name="Features">The 23 feature names, in the column order of the Kaggle training_sample.csv.</param>
/// <param name="Weights">Log-odds weight of each feature (device_mobile is the reference device, weight 0).</param>
/// <param name="Intercept">Log-odds of a session with every feature 0.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record PropensityModel(IReadOnlyList<string> Features, IReadOnlyList<double> Weights, double Intercept)
    : IHtmlRenderable
{
    /// <summary>The 23 features of the Kaggle "customer propensity to purchase" data, in file order.</summary>
    public static readonly IReadOnlyList<string> FeatureNames = CustomerAnalytics.Data.DatasetSchemas.PropensityFeatures;

    /// <summary>The model used for the committed sample: reaching checkout, checking delivery details and
    /// signing in drive orders; landing on the home page lowers the odds.</summary>
    public static readonly PropensityModel Default = new(FeatureNames,
    [
        0.4, 0.6, 0.8, 0.1, 0.2, 0.3,
        -0.2, 0.3, 0.2, 0.3,
        2.2, 0.5, 1.8, 3.2, 0.0,
        0.8, 0.4, -0.6, 0.0, 0.3, 0.1,
        0.6, 0.5,
    ], -6.8);

    /// <summary>The true probability of an order for one session's 0/1 features.</summary>
    public double Probability(IReadOnlyList<int> features)
    {
        if (features.Count != Weights.Count)
            throw new ArgumentException($"Expected {Weights.Count} features ({string.Join(", ", Features)}), got {features.Count}.", nameof(features));
        double z = Intercept;
        for (int i = 0; i < features.Count; i++) z += Weights[i] * features[i];
        return DeterministicMath.Sigmoid(z);
    }

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["feature", "weight"],
        new[] { new object?[] { "(intercept)", Intercept } }.Concat(Features.Select((f, i) => new object?[] { f, Weights[i] })),
        "True propensity model: logit P(ordered) = intercept + Σ weight·feature");
}

namespace CustomerAnalytics.SampleData;

/// <summary>
/// How one binary session feature is drawn: <c>P(feature = 1) = sigmoid(Intercept + IntentLoading·intent + Σ weight·parent)</c>,
/// where intent ~ N(0, 1) is a hidden per-session shopping intent and the parents are features drawn earlier
/// (for example saw_checkout depends on the basket features). Shared intent and parents give the features
/// realistic correlations; the device columns are drawn separately as one categorical (exactly one is 1).
/// </summary>
/// <param name="Feature">The feature this rule draws.</param>
/// <param name="Intercept">Log-odds at average intent with all parents 0.</param>
/// <param name="IntentLoading">How strongly shopping intent raises the log-odds.</param>
/// <param name="Parents">Earlier features and their log-odds weights.</param>
public sealed record PropensityFeatureRule(
    string Feature,
    double Intercept,
    double IntentLoading,
    IReadOnlyList<(string Parent, double Weight)> Parents);

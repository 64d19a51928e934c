namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>How much one feature matters: what the model lost when that feature's values were shuffled.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="AucDrop">Mean AUC-ROC lost over the permutations (larger: the model leans on it more).</param>
/// <param name="AucDropStdDev">Standard deviation of the AUC change over the permutations.</param>
/// <param name="AucPrDrop">Mean AUC-PR lost.</param>
public sealed record FeatureImportance(string Feature, double AucDrop, double AucDropStdDev, double AucPrDrop);

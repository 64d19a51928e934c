namespace CustomerAnalytics.Benchmarks;

/// <summary>The classifiers the workshop compares.</summary>
public enum ModelKind
{
    /// <summary>Logistic regression fitted with L-BFGS: one weight per feature, calibrated by construction.</summary>
    LogisticRegression,
    /// <summary>ML.NET's own gradient-boosted trees (MART), with a Platt calibrator for probabilities.</summary>
    FastTree,
    /// <summary>LightGBM gradient-boosted trees: the closest ML.NET analogue to XGBoost.</summary>
    LightGbm,
}

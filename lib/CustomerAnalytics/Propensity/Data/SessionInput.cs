using CustomerAnalytics.Data;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>One session as ML.NET reads it: the 23 flags as a float vector and the label.</summary>
public sealed class SessionInput
{
    /// <summary>Number of features (the vector length every model expects).</summary>
    public const int FeatureCount = 23;

    /// <summary>The 0/1 flags in <see cref="SessionFeatures.Names"/> order.</summary>
    [VectorType(FeatureCount)]
    public float[] Features { get; set; } = new float[FeatureCount];

    /// <summary>Ordered (false for unlabelled sessions; models ignore it when scoring).</summary>
    public bool Label { get; set; }

    /// <summary>The ML.NET row of a session.</summary>
    public static SessionInput From(SessionRecord session) => new() { Features = session.ToFeatureVector(), Label = session.Ordered ?? false };
}

/// <summary>What a trained model adds to a <see cref="SessionInput"/>.</summary>
public sealed class SessionPrediction
{
    /// <summary>Calibrated probability of an order.</summary>
    public float Probability { get; set; }
    /// <summary>The raw score (log-odds for logistic regression, the ensemble's sum for trees).</summary>
    public float Score { get; set; }
    /// <summary>Probability at least 0.5.</summary>
    public bool PredictedLabel { get; set; }
}

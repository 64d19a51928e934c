namespace CustomerAnalytics.Sequences;

/// <summary>One case scored by a conversion model and decided at a threshold: the columns ML.NET's
/// <c>BinaryClassification.Evaluate</c> reads (see <see cref="ConversionDecisions"/>).</summary>
public sealed class ConversionDecision
{
    /// <summary>True when a conversion followed.</summary>
    public bool Label { get; set; }
    /// <summary>The decision score: probability minus threshold (positive means "converts"; it ranks the cases like the probability).</summary>
    public float Score { get; set; }
    /// <summary>The model's probability of a conversion.</summary>
    public float Probability { get; set; }
    /// <summary>The decision: probability above the threshold.</summary>
    public bool PredictedLabel { get; set; }
}

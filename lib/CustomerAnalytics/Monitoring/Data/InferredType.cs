namespace CustomerAnalytics.Monitoring.Data;

/// <summary>A feature's type as Model Monitor infers it from its values: whole numbers, numbers, or text.</summary>
public enum InferredType { Integral, Fractional, String }

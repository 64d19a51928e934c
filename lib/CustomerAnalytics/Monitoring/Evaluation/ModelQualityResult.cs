namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>The outcome of a quality run: the window's figures, the labels matched and not, and the violations.</summary>
public sealed record ModelQualityResult(ModelQuality Window, int Matched, int UnmatchedLabels, IReadOnlyList<ConstraintViolation> Violations);

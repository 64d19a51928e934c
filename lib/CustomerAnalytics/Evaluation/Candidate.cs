namespace CustomerAnalytics.Evaluation;

/// <summary>One contender of a comparison: a model, a baseline or a reference (a ceiling), with its figure.</summary>
public sealed record Candidate(string Name, Interval Value);

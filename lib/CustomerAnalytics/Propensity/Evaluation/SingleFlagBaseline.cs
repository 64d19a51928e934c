using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using CustomerAnalytics.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// The simplest ranking a propensity model must beat: the one behaviour flag that separates orders best on the
/// training set (highest AUC; ties go to the earlier column), used alone as the score on the test set. A model that
/// cannot clearly beat "sessions that reached the checkout first" is not worth deploying; <see cref="Verdicts"/> says
/// whether it does, with intervals.
/// </summary>
/// <param name="Feature">The chosen flag.</param>
/// <param name="TestAucRoc">The flag's AUC-ROC on the test sessions.</param>
/// <param name="TestAucPr">The flag's AUC-PR (average precision) on the test sessions.</param>
/// <param name="Model">The model compared with it.</param>
/// <param name="ModelAucRoc">The model's AUC-ROC on the same sessions.</param>
/// <param name="ModelAucPr">The model's AUC-PR on the same sessions.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SingleFlagBaseline(string Feature, double TestAucRoc, double TestAucPr, string Model, double ModelAucRoc, double ModelAucPr)
    : IHtmlRenderable
{
    /// <summary>Chooses the flag on <paramref name="train"/> and compares it with <paramref name="model"/>'s ML.NET
    /// metrics on <paramref name="test"/> (the sessions those metrics were computed on). The flag is scored with
    /// ML.NET's evaluator too (<c>EvaluateNonCalibrated</c>: a 0/1 flag is a score, not a probability).</summary>
    public static SingleFlagBaseline Compare(string model, BinaryClassificationMetrics modelMetrics, IReadOnlyList<SessionRecord> train,
        IReadOnlyList<SessionRecord> test)
    {
        if (BinaryMetrics.Of(modelMetrics).Total != test.Count)
            throw new ArgumentException($"The metrics cover {BinaryMetrics.Of(modelMetrics).Total:N0} sessions but {test.Count:N0} test sessions were given: pass the sessions they were computed on.", nameof(test));
        var ml = new MLContext(seed: 0);
        var trainLabels = PropensityData.Labels(train);
        var trainAuc = Enumerable.Range(0, SessionFeatures.Names.Count)
            .Select(f => (Index: f, Auc: ScoreEvaluation.Scores(ml, Flag(train, f), trainLabels).AreaUnderRocCurve))
            .ToArray();
        var best = trainAuc.OrderByDescending(f => Math.Round(f.Auc, 12)).ThenBy(f => f.Index).First().Index;
        var flag = ScoreEvaluation.Scores(ml, Flag(test, best), PropensityData.Labels(test));
        return new SingleFlagBaseline(SessionFeatures.Names[best], flag.AreaUnderRocCurve, flag.AreaUnderPrecisionRecallCurve,
            model, modelMetrics.AreaUnderRocCurve, modelMetrics.AreaUnderPrecisionRecallCurve);
    }

    /// <summary>The flag as a score of <paramref name="sessions"/> (1 with the flag, 0 without), named as the
    /// baseline, for <see cref="RankingVerdict"/> and the charts.</summary>
    public ModelScores Scores(IReadOnlyList<SessionRecord> sessions) =>
        new($"baseline: {Feature} alone", Flag(sessions, SessionFeatures.Names.ToList().IndexOf(Feature)), PropensityData.Labels(sessions));

    /// <summary>
    /// The computed verdicts of <paramref name="model"/> against the flag on <paramref name="test"/> (the sessions the
    /// model scored, in the same order): AUC-ROC and average precision (AUC-PR), each with a bootstrap interval over the
    /// test sessions. "No clear winner" when the intervals overlap.
    /// </summary>
    public IReadOnlyList<Verdict> Verdicts(ModelScores model, IReadOnlyList<SessionRecord> test, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var flag = Scores(test);
        return [RankingVerdict.Compare("test AUC-ROC", [model, flag], RankingMetric.AucRoc, options),
            RankingVerdict.Compare("test average precision (AUC-PR)", [model, flag], RankingMetric.AveragePrecision, options)];
    }

    /// <summary>The point figures in one sentence; which is better, and how clearly, is for <see cref="Verdicts"/> to say.</summary>
    public string Summary => FormattableString.Invariant(
        $"Test AUC-ROC {ModelAucRoc:F3} for {Model} and {TestAucRoc:F3} for {Feature} alone; AUC-PR {ModelAucPr:F3} and {TestAucPr:F3} (point figures: the verdicts with intervals say whether the difference is clear).");

    private static double[] Flag(IReadOnlyList<SessionRecord> sessions, int feature) =>
        sessions.Select(s => (double)s.ToFeatureVector()[feature]).ToArray();

    /// <inheritdoc/>
    public string ToHtml()
    {
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        return Html.Table(["scores (test set)", "AUC-ROC", "AUC-PR"],
            [[Model, F(ModelAucRoc), F(ModelAucPr)], [$"baseline: {Feature} alone", F(TestAucRoc), F(TestAucPr)]], Summary);
    }

    /// <inheritdoc/>
    public override string ToString() => Summary;
}

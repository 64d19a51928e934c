using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity;

/// <summary>
/// The simplest ranking a propensity model must beat: the one behaviour flag that separates orders best on the
/// training set (highest AUC; ties go to the earlier column), used alone as the score on the test set. A model that
/// cannot beat "sessions that reached the checkout first" is not worth deploying, and the verdict says so.
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
        if (modelMetrics.Sessions() != test.Count)
            throw new ArgumentException($"The metrics cover {modelMetrics.Sessions():N0} sessions but {test.Count:N0} test sessions were given: pass the sessions they were computed on.", nameof(test));
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

    /// <summary>True when the model ranks better than the flag on both AUC-ROC and AUC-PR.</summary>
    public bool ModelWins => ModelAucRoc > TestAucRoc && ModelAucPr > TestAucPr;

    /// <summary>One sentence: which wins, by how much.</summary>
    public string Verdict => ModelWins
        ? FormattableString.Invariant($"{Model} beats the single-flag baseline ({Feature}): test AUC-ROC {ModelAucRoc:F3} against {TestAucRoc:F3}, AUC-PR {ModelAucPr:F3} against {TestAucPr:F3}.")
        : FormattableString.Invariant($"{Model} does NOT beat the single-flag baseline ({Feature}) on both measures: test AUC-ROC {ModelAucRoc:F3} against {TestAucRoc:F3}, AUC-PR {ModelAucPr:F3} against {TestAucPr:F3}. Prefer the simple rule, or find out why the model adds nothing.");

    private static double[] Flag(IReadOnlyList<SessionRecord> sessions, int feature) =>
        sessions.Select(s => (double)s.ToFeatureVector()[feature]).ToArray();

    /// <inheritdoc/>
    public string ToHtml()
    {
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        return Html.Table(["scores (test set)", "AUC-ROC", "AUC-PR"],
            [[Model, F(ModelAucRoc), F(ModelAucPr)], [$"baseline: {Feature} alone", F(TestAucRoc), F(TestAucPr)]], Verdict);
    }

    /// <inheritdoc/>
    public override string ToString() => Verdict;
}

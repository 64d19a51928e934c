using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Evaluation;
using Microsoft.ML;
using CustomerAnalytics.Propensity.Models;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// A propensity model against the generator's ground truth on the same sessions: the AUC of the true probabilities
/// is the ceiling any model can reach on them (the gap is what the model has left to learn, or the noise of a small test set).
/// </summary>
public static class PropensityTruth
{
    /// <summary>What the truth's figures come from.</summary>
    public const string Reference = "true probability (the ceiling)";

    /// <summary>
    /// Compares the model's scores of <paramref name="sessions"/> with the true probabilities in
    /// <paramref name="truthPath"/> (UserID,p): rows "AUC" and "log-loss (bits)" (as ML.NET reports it). Returns null when
    /// the truth file is absent or none of the sessions is in it (the real Kaggle data has no truth). With
    /// <paramref name="allSessions"/> (the whole file), the AUC row also holds the true probabilities' AUC over all of
    /// it (<see cref="TruthRow.WholeSample"/>: the generator's <c>BestAuc</c>).
    /// </summary>
    /// <exception cref="TruthFileException">The truth file is not UserID,p with one row per user.</exception>
    public static TruthComparison? Compare(PropensityClassifier model, IReadOnlyList<SessionRecord> sessions, string truthPath,
        IReadOnlyList<SessionRecord>? allSessions = null)
    {
        if (!File.Exists(truthPath)) return null;
        var truth = TruthFiles.ReadProbabilities(truthPath);
        var matched = sessions.Where(s => s.Ordered is not null && truth.ContainsKey(s.UserId)).ToArray();
        if (matched.Length == 0) return null;
        var labels = matched.Select(s => s.Ordered!.Value).ToArray();
        var ml = new MLContext(seed: 0);
        var modelMetrics = ScoreEvaluation.Probabilities(ml, model.Score(matched), labels);
        var trueMetrics = ScoreEvaluation.Probabilities(ml, matched.Select(s => truth[s.UserId]).ToArray(), labels);
        var all = (allSessions ?? []).Where(s => s.Ordered is not null && truth.ContainsKey(s.UserId)).ToArray();
        double wholeSample = all.Length == 0 ? double.NaN
            : ScoreEvaluation.Probabilities(ml, all.Select(s => truth[s.UserId]).ToArray(), all.Select(s => s.Ordered!.Value).ToArray()).AreaUnderRocCurve;
        return new TruthComparison(matched.Length, string.Create(CultureInfo.InvariantCulture, $"test sessions ({labels.Count(l => l):N0} orders)"),
        [
            new(model.Name, "AUC", modelMetrics.AreaUnderRocCurve, Reference, trueMetrics.AreaUnderRocCurve, wholeSample),
            new(model.Name, "log-loss (bits)", modelMetrics.LogLoss, Reference, trueMetrics.LogLoss),
        ]);
    }
}

using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using Microsoft.ML;

namespace CustomerAnalytics.Propensity;

/// <summary>
/// The model against the generator's ground truth on the same sessions: the AUC of the true probabilities is the
/// ceiling any model can reach on them (the gap is what the model has left to learn, or the noise of a small test set).
/// </summary>
/// <param name="Sessions">Test sessions found in the truth file.</param>
/// <param name="Orders">Orders among them.</param>
/// <param name="ModelAuc">The model's AUC on those sessions.</param>
/// <param name="TrueAuc">The true probabilities' AUC on those sessions.</param>
/// <param name="ModelLogLoss">The model's log-loss (bits, as ML.NET reports it).</param>
/// <param name="TrueLogLoss">The true probabilities' log-loss (bits).</param>
/// <param name="WholeSampleTrueAuc">The true probabilities' AUC on the whole truth file (the generator's BestAuc).</param>
/// <param name="Model">Model name.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record TruthComparison(int Sessions, int Orders, double ModelAuc, double TrueAuc, double ModelLogLoss, double TrueLogLoss,
    double WholeSampleTrueAuc, string Model) : IHtmlRenderable
{
    /// <summary>
    /// Compares the model's scores of <paramref name="sessions"/> with the true probabilities in
    /// <paramref name="truthPath"/> (UserID,p). Returns null when the truth file is absent or none of the sessions is in it
    /// (the real Kaggle data has no truth). With <paramref name="allSessions"/> (the whole file), also the AUC of the true
    /// probabilities over all of it: the generator's <c>BestAuc</c>.
    /// </summary>
    public static TruthComparison? Compute(PropensityClassifier model, IReadOnlyList<SessionRecord> sessions, string truthPath,
        IReadOnlyList<SessionRecord>? allSessions = null)
    {
        if (!File.Exists(truthPath)) return null;
        var schema = new DatasetSchema("propensity_truth", [ColumnSpec.Text("UserID"), ColumnSpec.Double("p")]);
        var frame = DatasetLoader.LoadDataFrame(truthPath, schema, LoadOptions.Strict).Frame;
        var truth = Enumerable.Range(0, (int)frame.Rows.Count).ToDictionary(i => (string)frame.Columns[0][i], i => (double)frame.Columns[1][i]!);
        var matched = sessions.Where(s => s.Ordered is not null && truth.ContainsKey(s.UserId)).ToArray();
        if (matched.Length == 0) return null;
        var labels = matched.Select(s => s.Ordered!.Value).ToArray();
        var ml = new MLContext(seed: 0);
        var modelMetrics = ScoreEvaluation.Probabilities(ml, model.Score(matched), labels);
        var trueMetrics = ScoreEvaluation.Probabilities(ml, matched.Select(s => truth[s.UserId]).ToArray(), labels);
        var all = (allSessions ?? []).Where(s => s.Ordered is not null && truth.ContainsKey(s.UserId)).ToArray();
        double wholeSample = all.Length == 0 ? double.NaN
            : ScoreEvaluation.Probabilities(ml, all.Select(s => truth[s.UserId]).ToArray(), all.Select(s => s.Ordered!.Value).ToArray()).AreaUnderRocCurve;
        return new TruthComparison(matched.Length, labels.Count(l => l), modelMetrics.AreaUnderRocCurve, trueMetrics.AreaUnderRocCurve,
            modelMetrics.LogLoss, trueMetrics.LogLoss, wholeSample, model.Name);
    }

    /// <inheritdoc/>
    public string ToHtml()
    {
        string F(double v) => double.IsNaN(v) ? "" : v.ToString("F4", CultureInfo.InvariantCulture);
        return Html.Table(["scores", "AUC", "log-loss (bits)"],
            [[Model, F(ModelAuc), F(ModelLogLoss)], ["true probability (the ceiling)", F(TrueAuc), F(TrueLogLoss)],
             ["true probability, whole sample (BestAuc)", F(WholeSampleTrueAuc), ""]],
            string.Create(CultureInfo.InvariantCulture, $"Against the generator's truth: {Sessions:N0} test sessions, {Orders:N0} orders"));
    }
}

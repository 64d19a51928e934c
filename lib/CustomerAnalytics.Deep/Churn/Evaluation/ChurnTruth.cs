using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>Workshop 05's models against the generator's truth, as rows of the one <see cref="TruthComparison"/>.</summary>
public static class ChurnTruth
{
    /// <summary>The metric of next-event rows.</summary>
    public const string NextEventAccuracy = "next-event accuracy";

    /// <summary>The metric of churn rows.</summary>
    public const string ChurnAccuracy = "churn accuracy";

    /// <summary>A next-event model's test accuracy next to the Bayes-optimal accuracy on the sample's sessions.</summary>
    public static TruthRow NextEvent(string model, Predictions test, Ga4Truth truth) =>
        new(model, NextEventAccuracy, test.Report.Accuracy, "Bayes-optimal on the sample", truth.BestNextEventAccuracy);

    /// <summary>A churn model's test accuracy next to the accuracy of knowing each user's hidden type.</summary>
    public static TruthRow Churn(string model, Predictions test, DataSplit<SequenceDataset> data, Ga4Truth truth) =>
        new(model, ChurnAccuracy, test.Report.Accuracy, "type oracle", truth.TypeOracleChurnAccuracy(data.Train, data.Test));

    /// <summary>What no learning gives: always the most frequent class of the training part, as a row of its own
    /// (named "majority (task)") next to the same truth as the models of <paramref name="metric"/>.</summary>
    public static TruthRow Majority(string metric, DataSplit<SequenceDataset> data, TruthRow modelRow) =>
        new($"majority ({metric.Replace(" accuracy", "", StringComparison.Ordinal)})", metric,
            Ga4Truth.MajorityBaseline(data.Train, data.Test), modelRow.Reference, modelRow.Truth);

    /// <summary>The comparison table of <paramref name="rows"/> over the <paramref name="users"/> test users.</summary>
    public static TruthComparison Compare(int users, IReadOnlyList<TruthRow> rows) => new(users, "test users", rows);
}

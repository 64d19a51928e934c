using CustomerAnalytics.Display;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Churn;

/// <summary>One model's test accuracy next to a reference accuracy from the generator's truth.</summary>
public sealed record TruthComparisonRow(string Model, string Task, double TestAccuracy, double Reference, string ReferenceName, double Baseline)
{
    /// <summary>A next-event model's test accuracy next to the Bayes-optimal accuracy on the sample's sessions.</summary>
    public static TruthComparisonRow NextEvent(string model, Predictions test, DataSplit<SequenceDataset> data, Ga4Truth truth) =>
        new(model, "next event", test.Report.Accuracy, truth.BestNextEventAccuracy, "best achievable on the sample (Bayes-optimal)", Ga4Truth.MajorityBaseline(data.Train, data.Test));

    /// <summary>A churn model's test accuracy next to the accuracy of knowing each user's hidden type.</summary>
    public static TruthComparisonRow Churn(string model, Predictions test, DataSplit<SequenceDataset> data, Ga4Truth truth) =>
        new(model, "churn", test.Report.Accuracy, truth.TypeOracleChurnAccuracy(data.Train, data.Test), "type oracle", Ga4Truth.MajorityBaseline(data.Train, data.Test));
}

/// <summary>Every model's test accuracy next to the best achievable (next event) or the type oracle (churn).</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record TruthComparison(IReadOnlyList<TruthComparisonRow> Rows) : IHtmlRenderable
{
    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Rows.Select(r => $"{r.Model} ({r.Task}): test {r.TestAccuracy:F3}, {r.ReferenceName} {r.Reference:F3}, baseline {r.Baseline:F3}"));

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["model", "task", "test accuracy", "reference", "reference accuracy", "share of reference", "majority baseline"],
        Rows.Select(r => new object?[] { r.Model, r.Task, r.TestAccuracy, r.ReferenceName, r.Reference, double.IsNaN(r.Reference) ? null : Math.Round(r.TestAccuracy / r.Reference, 3), r.Baseline }),
        "Test accuracy against the generator's truth");
}

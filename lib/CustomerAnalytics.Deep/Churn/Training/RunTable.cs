using CustomerAnalytics.Display;

namespace CustomerAnalytics.Churn.Training;

/// <summary>Recorded runs side by side: parameters, validation and test scores, epochs, time.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record RunTable(IReadOnlyList<RunInfo> Runs) : IHtmlRenderable
{
    /// <summary>Only the runs of one model.</summary>
    public RunTable Of(string model) => new(Runs.Where(r => r.Model == model).ToArray());

    /// <summary>The most recent <paramref name="count"/> runs.</summary>
    public RunTable Last(int count) => new(Runs.Skip(Math.Max(0, Runs.Count - count)).ToArray());

    /// <inheritdoc />
    public override string ToString() => $"{Runs.Count} run(s) of {string.Join(", ", Runs.Select(r => r.Model).Distinct())}";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(
        ["model", "run", "inputs", "parameters", "epochs", "best epoch", "seconds", "val accuracy", "val F1", "test accuracy", "test F1"],
        Runs.Select(r => new object?[]
        {
            r.Model, r.RunId, r.Inputs?.Fingerprint ?? "(not recorded)", string.Join(", ", r.Parameters.Select(p => $"{p.Key}={p.Value}")), r.Epochs.Count, r.BestEpoch, Math.Round(r.Seconds, 1),
            r.Validation.GetValueOrDefault("accuracy"), r.Validation.GetValueOrDefault("f1"),
            r.Test?.GetValueOrDefault("accuracy"), r.Test?.GetValueOrDefault("f1"),
        }), $"{Runs.Count} recorded run(s)");
}

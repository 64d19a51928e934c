using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Churn.Data;

/// <summary>One split under <see cref="SampleCaps"/>: its part sizes and how many sequences an epoch trains and validates on.</summary>
public sealed record SampleCapsRow(string Name, int Train, int TrainedPerEpoch, int Validation, int Validated, int Test);

/// <summary>What <see cref="SampleCaps.Describe"/> returns: the caps and, per split, whether they bind.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SampleCapsTable(SampleCaps Caps, IReadOnlyList<SampleCapsRow> Rows) : IHtmlRenderable
{
    /// <summary>True when a cap takes fewer sequences than a part has (somewhere).</summary>
    public bool Binds => Rows.Any(r => r.TrainedPerEpoch < r.Train || r.Validated < r.Validation);

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Rows.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{r.Name}: trains on {r.TrainedPerEpoch:N0} of {r.Train:N0} per epoch, validates on {r.Validated:N0} of {r.Validation:N0}, tests on all {r.Test:N0}")));

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["data", "train", "trained per epoch", "validation", "validated on", "test (all)"],
        Rows.Select(r => new object?[] { r.Name, r.Train, r.TrainedPerEpoch, r.Validation, r.Validated, r.Test }),
        string.Create(CultureInfo.InvariantCulture,
            $"Caps: {Cap(Caps.MaxTrainExamples)} training sequences per epoch (a new seeded sample each epoch), {Cap(Caps.MaxValidationExamples)} validation sequences (one seeded sample, seed {Caps.Seed}). {(Binds ? "They bind on these data." : "They do not bind on these data: every sequence is used.")}"));

    private static string Cap(int max) => max > 0 ? $"at most {max:N0}" : "all";
}

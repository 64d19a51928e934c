using CustomerAnalytics.Display;

namespace CustomerAnalytics;

/// <summary>
/// What <see cref="ParameterCheck.Done"/> found when every parameter is valid: the names checked and any warnings
/// (doubtful values that still run, such as a date after the data ends). A notebook shows it under its validation cell.
/// </summary>
/// <param name="Checked">The parameters checked, in order.</param>
/// <param name="Warnings">Doubtful values, one sentence each.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ParameterReport(IReadOnlyList<string> Checked, IReadOnlyList<ParameterProblem> Warnings) : IHtmlRenderable
{
    /// <inheritdoc />
    public override string ToString() =>
        $"Parameters checked, all valid: {string.Join(", ", Checked)}." +
        string.Concat(Warnings.Select(w => "\nwarning: " + w));

    /// <inheritdoc />
    public string ToHtml() =>
        $"<p>Parameters checked, all valid: {Html.Encode(string.Join(", ", Checked))}.</p>" +
        string.Concat(Warnings.Select(w => $"<p><strong>warning:</strong> {Html.Encode(w)}</p>"));
}

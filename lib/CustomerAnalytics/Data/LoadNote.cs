using System.Globalization;

namespace CustomerAnalytics.Data;

/// <summary>
/// Rows a loader accepted with a caveat, for example GA4 events without a session id: what the caveat is, what the
/// loader did about it, how many rows have it and the first of them verbatim.
/// </summary>
/// <param name="Column">The column concerned, for example "ga_session_id".</param>
/// <param name="Issue">What is wrong and what was done about it.</param>
/// <param name="Rows">How many rows have the caveat.</param>
/// <param name="FirstRows">The first such rows (up to <see cref="LoadOptions.RejectSamples"/>), in file order.</param>
public sealed record LoadNote(string Column, string Issue, long Rows, IReadOnlyList<NotedRow> FirstRows)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rows:N0} row(s) in {Column}: {Issue}");
}

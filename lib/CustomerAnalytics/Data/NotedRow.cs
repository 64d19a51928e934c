namespace CustomerAnalytics.Data;

/// <summary>One row kept with a <see cref="LoadNote"/>: where it is and its raw text, so it can be found.</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="RawText">The row as it appears in the file (long rows are cut).</param>
public sealed record NotedRow(long Line, string RawText)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {RawText}";
}

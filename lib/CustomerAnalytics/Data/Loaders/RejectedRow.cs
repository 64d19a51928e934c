namespace CustomerAnalytics.Data;

/// <summary>One rejected row: where it is, why, and its raw text so it can be found and fixed.</summary>
/// <param name="Line">1-based line number of the row (the header is line 1). For CSV files it is DuckDB's count: blank
/// lines count, a line break inside a quoted field does not.</param>
/// <param name="Reason">The first problem found in the row.</param>
/// <param name="Column">The column at fault, when there is one.</param>
/// <param name="Detail">What was wrong, for example "'2017-13-01' does not match yyyy-MM-dd HH:mm:ss".</param>
/// <param name="RawText">The row as it appears in the file (long rows are cut).</param>
public sealed record RejectedRow(long Line, RejectReason Reason, string? Column, string Detail, string RawText)
{
    /// <summary>Longest raw text kept for one row.</summary>
    internal const int MaxRawLength = 500;

    /// <inheritdoc/>
    public override string ToString() =>
        $"line {Line}: {Reason.Describe()}{(Column is null ? "" : " in " + Column)}: {Detail} | {RawText}";

    internal static string Clip(string raw) => raw.Length <= MaxRawLength ? raw : raw[..MaxRawLength] + "…";
}

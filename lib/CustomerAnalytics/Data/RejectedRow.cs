namespace CustomerAnalytics.Data;

/// <summary>One rejected row: where it is, why, and its raw text so it can be found and fixed.</summary>
/// <param name="Line">1-based line of the file where the row starts (the header is line 1; blank lines count; LF,
/// CRLF and a lone CR each end a line, except in a JSON export, whose lines end at LF).</param>
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

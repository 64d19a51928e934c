using System.Globalization;
using System.Text;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Data;

/// <summary>
/// What happened when one file was loaded: rows read, accepted and rejected, rejected rows grouped by
/// reason, and the first rejected rows verbatim with their line numbers. Every row read is either accepted
/// or counted here, once: <c>RowsRead == RowsAccepted + RowsRejected</c>, and <c>RowsRead</c> is every data row of
/// the file as the loader counts them itself (for a CSV, with the quoting rules it reports against); a file where
/// they would differ (a quote that swallows rows) fails with <see cref="MalformedFileException"/> instead.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record LoadReport : IHtmlRenderable
{
    /// <summary>Schema name, for example "olist_orders".</summary>
    public required string Dataset { get; init; }
    /// <summary>The path the caller gave.</summary>
    public required string Source { get; init; }
    /// <summary>The file read, as a full path.</summary>
    public required string File { get; init; }
    /// <summary>The DuckDB table the rows went to, if any.</summary>
    public string? Table { get; init; }
    /// <summary>Data rows read (header and blank lines excluded).</summary>
    public long RowsRead { get; init; }
    /// <summary>Rows that passed validation.</summary>
    public long RowsAccepted { get; init; }
    /// <summary>Rows rejected, all reasons together.</summary>
    public long RowsRejected { get; init; }
    /// <summary>Rejected row counts per reason (only reasons that occurred).</summary>
    public IReadOnlyDictionary<RejectReason, long> RejectsByReason { get; init; } = new Dictionary<RejectReason, long>();
    /// <summary>The first rejected rows (up to <see cref="LoadOptions.RejectSamples"/>), in file order.</summary>
    public IReadOnlyList<RejectedRow> FirstRejects { get; init; } = [];
    /// <summary>Empty lines skipped (they are not rows); a line with only spaces is a row (and rejected).</summary>
    public long BlankLines { get; init; }
    /// <summary>Byte sequences invalid in the file's encoding, read as U+FFFD. Only an encoding given in
    /// <see cref="LoadOptions.Encoding"/> can leave any (a detected one fits the file): reload with the right one.</summary>
    public long UndecodableBytes { get; init; }
    /// <summary>How the file was decoded: "UTF-8"; the encoding given in <see cref="LoadOptions.Encoding"/>
    /// ("... (as requested)"); or, for a file that is not valid UTF-8 and no encoding was given,
    /// "Latin-1 (ISO-8859-1), detected: ..." with the offset of the first byte that is not UTF-8.</summary>
    public string TextEncoding { get; init; } = "UTF-8";
    /// <summary>Header columns the schema does not know, ignored because <see cref="LoadOptions.AllowExtraColumns"/> was set.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];
    /// <summary>Optional schema columns absent from the file (for example the label of a scoring file).</summary>
    public IReadOnlyList<string> AbsentOptionalColumns { get; init; } = [];
    /// <summary>Rows accepted with a caveat (for example GA4 events without ga_session_id), one note per kind,
    /// with counts and the first such rows: kept, but not silently.</summary>
    public IReadOnlyList<LoadNote> Notes { get; init; } = [];
    /// <summary>The error budget the file was loaded with.</summary>
    public int MaxErrors { get; init; }

    /// <summary>True when the rejected rows fit the error budget (the load succeeded).</summary>
    public bool WithinBudget => RowsRejected <= MaxErrors;

    /// <summary>Rejected count for one reason (0 when it did not occur).</summary>
    public long Rejected(RejectReason reason) => RejectsByReason.TryGetValue(reason, out var n) ? n : 0;

    /// <summary>One line per fact, for consoles and logs.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{Dataset}: {RowsRead:N0} rows read, {RowsAccepted:N0} accepted, {RowsRejected:N0} rejected (max {MaxErrors:N0})");
        if (Table is not null) sb.Append(" -> table ").Append(Table);
        sb.AppendLine().Append("  from ").Append(Source);
        if (Source != File) sb.Append(" (local copy ").Append(File).Append(')');
        if (RejectsByReason.Count > 0)
            sb.AppendLine().Append("  rejected by reason: ").Append(string.Join(", ", ReasonCounts().Select(r => $"{r.Reason} {r.Count:N0}")));
        if (FirstRejects.Count > 0)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  first {FirstRejects.Count} rejected rows:");
            foreach (var r in FirstRejects) sb.AppendLine().Append("    ").Append(r);
        }
        if (IgnoredColumns.Count > 0) sb.AppendLine().Append("  ignored columns: ").Append(string.Join(", ", IgnoredColumns));
        if (AbsentOptionalColumns.Count > 0) sb.AppendLine().Append("  absent optional columns: ").Append(string.Join(", ", AbsentOptionalColumns));
        if (BlankLines > 0) sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  blank lines skipped: {BlankLines:N0}");
        if (TextEncoding != "UTF-8") sb.AppendLine().Append("  encoding: ").Append(TextEncoding);
        foreach (var note in Notes)
        {
            sb.AppendLine().Append("  note: ").Append(note);
            foreach (var row in note.FirstRows) sb.AppendLine().Append("    ").Append(row);
        }
        if (UndecodableBytes > 0) sb.AppendLine().Append("  warning: ").Append(EncodingWarning);
        return sb.ToString();
    }

    /// <summary>A summary table, then rejects by reason and the first rejected rows when there are any.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"load-report\">");
        sb.Append(Html.Table(
            ["dataset", "source", "table", "rows read", "accepted", "rejected", "max errors"],
            [[Dataset, Source, Table ?? "", N(RowsRead), N(RowsAccepted), N(RowsRejected), N(MaxErrors)]],
            $"Load report: {Dataset}"));
        if (RejectsByReason.Count > 0)
            sb.Append(Html.Table(["reason", "rows"], ReasonCounts().Select(r => new object?[] { r.Reason, N(r.Count) }), "Rejected rows by reason"));
        if (FirstRejects.Count > 0)
            sb.Append(Html.Table(["line", "reason", "column", "detail", "raw text"],
                FirstRejects.Select(r => new object?[] { r.Line, r.Reason.Describe(), r.Column, r.Detail, r.RawText }),
                $"First {FirstRejects.Count} rejected rows"));
        foreach (var note in Notes)
            sb.Append(Html.Table(["line", "raw text"],
                note.FirstRows.Select(r => new object?[] { r.Line, r.RawText }),
                $"Accepted with a note: {note}"));
        var notes = new List<string>();
        if (IgnoredColumns.Count > 0) notes.Add("Ignored columns: " + string.Join(", ", IgnoredColumns));
        if (AbsentOptionalColumns.Count > 0) notes.Add("Absent optional columns: " + string.Join(", ", AbsentOptionalColumns));
        if (BlankLines > 0) notes.Add($"Blank lines skipped: {N(BlankLines)}");
        if (TextEncoding != "UTF-8") notes.Add("Encoding: " + TextEncoding);
        if (UndecodableBytes > 0) notes.Add("Warning: " + EncodingWarning);
        foreach (var note in notes) sb.Append("<p>").Append(Html.Encode(note)).Append("</p>");
        return sb.Append("</div>").ToString();
    }

    private string EncodingWarning =>
        $"{N(UndecodableBytes)} byte sequence(s) were not valid text in the expected encoding and were read as \uFFFD;" +
        " the file is not in the encoding given: reload with the right LoadOptions.Encoding (for example System.Text.Encoding.Latin1), or leave it null to detect it.";

    private IEnumerable<(string Reason, long Count)> ReasonCounts() =>
        RejectsByReason.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key.Describe(), kv.Value));

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

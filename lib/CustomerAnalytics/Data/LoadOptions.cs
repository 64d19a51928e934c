namespace CustomerAnalytics.Data;

/// <summary>How strictly to load a file.</summary>
/// <remarks>
/// <see cref="MaxErrors"/> works like Redshift COPY's MAXERROR: up to that many bad rows are skipped and
/// reported; one more and the load fails. The default is 100, not Redshift's 0: the public files (and the
/// generated samples) load cleanly, and a participant whose copy has a handful of damaged lines should
/// still get going and see the damage in the <see cref="LoadReport"/>, while a wrong file or a wrong
/// format fails at once. Use <see cref="Strict"/> for a zero-tolerance load.
/// </remarks>
public sealed record LoadOptions
{
    /// <summary>Most rejected rows tolerated before the load fails with <see cref="DataValidationException"/>.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>How many rejected rows the report keeps verbatim (with line numbers). All are counted.</summary>
    public int RejectSamples { get; init; } = 20;

    /// <summary>Ignore columns the schema does not know (they are listed in the report). Off by default, since
    /// an unexpected column usually means the wrong file or a changed export.</summary>
    public bool AllowExtraColumns { get; init; }

    /// <summary>Text encoding of the file; null (the default): detected. A file with a byte order mark or
    /// valid UTF-8 throughout is read as UTF-8; any other file as Latin-1 (ISO-8859-1), as the Kaggle copy of
    /// Online Retail is written, and <see cref="LoadReport.TextEncoding"/> says so. A given encoding is used
    /// as it is; bytes invalid in it are counted in <see cref="LoadReport.UndecodableBytes"/>.</summary>
    public System.Text.Encoding? Encoding { get; init; }

    /// <summary>Default options: up to 100 rejected rows, reported.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Zero tolerance, like Redshift's default MAXERROR 0: the first bad row fails the load.</summary>
    public static LoadOptions Strict { get; } = new() { MaxErrors = 0 };
}

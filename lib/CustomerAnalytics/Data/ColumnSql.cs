using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerAnalytics.Data;

/// <summary>
/// The SQL that validates and types one column read as text by DuckDB's read_csv: an expression for the typed
/// value, and one that is NULL for a good value or names what is wrong. The file is read as VARCHAR and typed here,
/// not by read_csv's own casts, because those are looser than the schema (verified on DuckDB 1.5.6: '1.5' casts to
/// INTEGER 2, '18.123' to DECIMAL(18,2) 18.12, '1_000' to 1000, and a file gets one timestamp format only).
/// </summary>
internal static partial class ColumnSql
{
    /// <summary>The separator of reason, column and detail in a problem string.</summary>
    public const char Separator = '\u001f';

    /// <summary>SQL of the typed value of <paramref name="spec"/>'s text column <paramref name="raw"/> (a quoted identifier).</summary>
    public static string Value(ColumnSpec spec, string raw) => spec.Type switch
    {
        ColumnType.String => spec.Nullable ? $"nullif({raw}, '')" : raw,
        ColumnType.Int or ColumnType.Long => $"TRY_CAST(regexp_extract({raw}, '{IntegerPattern(spec)}', 1) AS {spec.DuckDbType})",
        ColumnType.Decimal => $"TRY_CAST(trim({raw}) AS {spec.DuckDbType})",
        ColumnType.Double => $"TRY_CAST(trim({raw}) AS DOUBLE)",
        ColumnType.Timestamp => Timestamp(spec, raw),
        ColumnType.Date => $"CAST({Timestamp(spec, raw)} AS DATE)",
        ColumnType.Binary => $"CAST(CASE trim({raw}) WHEN '0' THEN 0 WHEN '1' THEN 1 END AS TINYINT)",
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, null),
    };

    /// <summary>SQL that is NULL when the column's value is good, else "reason␟column␟detail"; null when no value of
    /// the column can be bad (optional text). <paramref name="value"/> names the column <see cref="Value"/> was computed
    /// into: referring to it rather than repeating the expression halves the time of a load (DuckDB does not share
    /// subexpressions inside CASE). The good case is tested first, so a good row costs one test: CASE evaluates the
    /// later branches only for the rows that reach them.</summary>
    public static string? Problem(ColumnSpec spec, string raw, string value)
    {
        var empty = spec.Type == ColumnType.String ? $"({raw} IS NULL OR {raw} = '')" : $"({raw} IS NULL OR trim({raw}) = '')";
        var whenEmpty = spec.Nullable ? "NULL" : Issue(RejectReason.MissingRequiredField, spec, "'empty value in a required column'");
        if (spec.Type == ColumnType.String) return spec.Nullable ? null : $"CASE WHEN {empty} THEN {whenEmpty} END";
        var fitting = spec.Type == ColumnType.Decimal ? $"regexp_full_match({raw}, '{FittingDecimal(spec)}')" : null;
        var (good, reason, what) = spec.Type switch
        {
            ColumnType.Int => ($"{value} IS NOT NULL", RejectReason.BadNumber, "is not a whole number (32-bit)"),
            ColumnType.Long => ($"{value} IS NOT NULL", RejectReason.BadNumber, "is not a whole number (64-bit)"),
            // DuckDB's decimal cast also reads "1_000" and rounds extra decimals: the text must have the strict form too.
            ColumnType.Decimal => ($"{value} IS NOT NULL AND {fitting}", RejectReason.BadNumber, "is not a decimal number"),
            ColumnType.Double => ($"isfinite({value})", RejectReason.BadNumber, "is not a finite number"),
            ColumnType.Timestamp or ColumnType.Date => ($"{value} IS NOT NULL", RejectReason.BadTimestamp, $"does not match {string.Join(" or ", spec.Formats)}"),
            ColumnType.Binary => ($"{value} IS NOT NULL", RejectReason.NotBinary, "is not 0 or 1"),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, null),
        };
        var shown = $"'''' || CASE WHEN length({raw}) <= 60 THEN {raw} ELSE left({raw}, 60) || '…' END || ''' '";
        var sql = $"CASE WHEN {good} THEN NULL WHEN {empty} THEN {whenEmpty}";
        if (spec.Type == ColumnType.Decimal)
            sql += $" WHEN regexp_full_match({raw}, '{DecimalPattern}') AND NOT {fitting}" +
                   $" THEN {Issue(RejectReason.BadNumber, spec, $"{shown} || {Literal($"does not fit DECIMAL(18,{spec.Scale}) (too many decimals or digits)")}")}";
        return sql + $" ELSE {Issue(reason, spec, $"{shown} || {Literal(what)}")} END";
    }

    /// <summary>A decimal number, optionally signed and padded.</summary>
    private const string DecimalPattern = "\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)\\s*";

    /// <summary>A decimal number whose digits, leading and trailing zeros aside, fit DECIMAL(18, scale): a value with
    /// more decimals is rejected rather than rounded.</summary>
    private static string FittingDecimal(ColumnSpec spec) =>
        $"\\s*[+-]?0*[0-9]{{0,{18 - spec.Scale}}}(\\.[0-9]{{0,{spec.Scale}}}0*)?\\s*";

    /// <summary>The ISO form "2017-10-02 10:56:33" goes through DuckDB's own timestamp cast (about five times
    /// faster than strptime with a list of formats); other forms, and padded values, through strptime.</summary>
    private static string Timestamp(ColumnSpec spec, string raw)
    {
        var strptime = $"try_strptime(trim({raw}), [{string.Join(", ", spec.Formats.Select(f => Literal(StrptimeFormat(f))))}])";
        return spec.Formats.Contains(DatasetSchemas.OlistTimestampFormat)
            ? $"coalesce(CASE WHEN length({raw}) = 19 THEN TRY_CAST({raw} AS TIMESTAMP) END, {strptime})"
            : strptime;
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    private static string Issue(RejectReason reason, ColumnSpec spec, string detailSql) =>
        $"{Literal($"{(int)reason}{Separator}{spec.Name}{Separator}")} || {detailSql}";

    /// <summary>A whole number, optionally signed and padded; with <see cref="ColumnSpec.WholeDecimalFormat"/> also "17850.0".</summary>
    private static string IntegerPattern(ColumnSpec spec) =>
        spec.Formats.Contains(ColumnSpec.WholeDecimalFormat) ? "^\\s*([+-]?[0-9]+)(\\.0*)?\\s*$" : "^\\s*([+-]?[0-9]+)\\s*$";

    /// <summary>A .NET date pattern (yyyy, M, MM, d, dd, H, HH, mm, ss) as a strptime format; strptime's %m, %d and
    /// %H read one or two digits, as M, d and H do.</summary>
    internal static string StrptimeFormat(string dotnet) => DatePart().Replace(dotnet, m => m.Value switch
    {
        "yyyy" => "%Y",
        "M" or "MM" => "%m",
        "d" or "dd" => "%d",
        "H" or "HH" => "%H",
        "mm" => "%M",
        "ss" => "%S",
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unsupported date pattern '{m.Value}' in '{dotnet}'."), nameof(dotnet)),
    });

    [GeneratedRegex("([a-zA-Z])\\1*")]
    private static partial Regex DatePart();
}

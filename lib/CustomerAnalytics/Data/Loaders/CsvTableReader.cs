using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace CustomerAnalytics.Data;

/// <summary>
/// Loads a delimited file described by a <see cref="DatasetSchema"/> into a DuckDB table with DuckDB's read_csv:
/// the header is matched by name first (<see cref="CsvHeader"/>); read_csv reads every field as text with
/// <c>store_rejects</c>, which records lines it cannot split (quotes, column counts) with their line numbers and text;
/// then SQL (<see cref="ColumnSql"/>) finds the rows whose values do not fit the schema and types the others into the
/// table. The error budget is the count of both kinds of rejected line (Redshift MAXERROR: one bad line counts once,
/// however many of its fields are bad); over it, nothing is inserted and <see cref="DataValidationException"/> says
/// why. Line numbers are DuckDB's: the header is line 1, a blank line counts as a line, and a quoted line break
/// inside a field does not.
/// </summary>
internal static partial class CsvTableReader
{
    /// <summary>The column holding each row's first problem while the file loads.</summary>
    private const string Problem = "\"__load_problem\"";

    /// <summary>Creates (or replaces) <paramref name="table"/> on <paramref name="connection"/> and fills it from
    /// the local file <paramref name="path"/>. Pass a staging
    /// table: when the load throws, the table may be left half made, for the caller to drop.</summary>
    public static LoadReport Load(DuckDBConnection connection, string table, string path, DatasetSchema schema, LoadOptions options)
    {
        if (!File.Exists(path)) throw new DataFileNotFoundException(path);
        using var input = CsvInput.For(path, options.Encoding);
        var header = CsvHeader.Read(input.Path, path, schema, options);
        var id = Guid.NewGuid().ToString("N");
        var (rejects, probe) = ($"_rejects_{id}", $"_probe_{id}");
        try
        {
            // One pass over read_csv's text into the table: every value typed (inner query), and the first problem
            // of each row (outer query, from the typed values), in a column dropped once the bad rows are deleted.
            var present = header.Columns.Select((spec, field) => (Spec: spec, Raw: $"c{field}", Value: $"v{field}"))
                .Where(c => c.Spec is not null).ToArray();
            var ordered = schema.Columns.Select(spec => present.FirstOrDefault(c => c.Spec == spec)).Where(c => c.Spec is not null).ToArray();
            var values = present.Select(c => (c.Spec!.Type == ColumnType.String && header.Crlf
                ? ColumnSql.Value(c.Spec, $"replace({c.Raw}, chr(13) || chr(10), chr(10))")
                : ColumnSql.Value(c.Spec!, c.Raw)) + $" AS {c.Value}");
            var checks = present.Select(c => ColumnSql.Problem(c.Spec!, c.Raw, c.Value)).OfType<string>().ToArray();
            var problem = (checks.Length == 0 ? "CAST(NULL AS VARCHAR)" : $"CAST(coalesce({string.Join(", ", checks)}) AS VARCHAR)") + $" AS {Problem}";
            var quoted = WorkshopDatabase.Quote(table);
            Execute(connection, $"CREATE OR REPLACE TABLE {quoted} AS SELECT " +
                string.Join(", ", ordered.Select(c => $"{c.Value} AS {WorkshopDatabase.Quote(c.Spec!.Name)}")) + $", {problem}" +
                $" FROM (SELECT *, {string.Join(", ", values)} FROM {ReadCsv(input, header, schema, rejects, extraColumn: false)})");
            var build = new LoadReportBuilder(schema.Name, path, Path.GetFullPath(path), options)
            {
                TextEncoding = input.Description,
                UndecodableBytes = input.UndecodableBytes,
                IgnoredColumns = header.Ignored,
                AbsentOptionalColumns = header.AbsentOptional,
            };
            AddUnreadableLines(connection, rejects, build, options);
            long bad = AddBadValues(connection, quoted, input, header, schema, rejects, probe, build, options);
            build.Accept(Scalar(connection, $"SELECT count(*) FROM {quoted}") - bad);

            var report = build.Build() with { Table = table };
            if (!report.WithinBudget) throw new DataValidationException(report);
            if (bad > 0) Execute(connection, $"DELETE FROM {quoted} WHERE {Problem} IS NOT NULL");
            Execute(connection, $"ALTER TABLE {quoted} DROP COLUMN {Problem}");
            foreach (var c in ordered.Where(c => !c.Spec!.Nullable))
                Execute(connection, $"ALTER TABLE {quoted} ALTER {WorkshopDatabase.Quote(c.Spec!.Name)} SET NOT NULL");
            return report;
        }
        finally
        {
            Execute(connection, $"DROP TABLE IF EXISTS {rejects}; DROP TABLE IF EXISTS {rejects}_scan;" +
                $" DROP TABLE IF EXISTS {probe}; DROP TABLE IF EXISTS {probe}_scan");
        }
    }

    /// <summary>The read_csv call: every field as text, rejects stored in <paramref name="rejects"/>. With
    /// <paramref name="extraColumn"/>, one more column than the file has, so every line is recorded as a reject with
    /// its line number and text (how the lines of rows with bad values are found).</summary>
    private static string ReadCsv(CsvInput input, CsvHeader header, DatasetSchema schema, string rejects, bool extraColumn)
    {
        var columns = Enumerable.Range(0, header.Columns.Count + (extraColumn ? 1 : 0)).Select(i => $"'c{i}': 'VARCHAR'");
        return $"read_csv({ColumnSql.Literal(input.Path)}, columns = {{{string.Join(", ", columns)}}}, header = true, skip = {header.LinesBefore}," +
               $" auto_detect = false, delim = {ColumnSql.Literal(schema.Delimiter.ToString())}, quote = '\"', escape = '\"'," +
               $" store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{rejects}_scan')";
    }

    /// <summary>Lines read_csv could not split into the header's fields: one reject per line, its first error.</summary>
    private static void AddUnreadableLines(DuckDBConnection connection, string rejects, LoadReportBuilder build, LoadOptions options)
    {
        foreach (var (reason, count) in Rows(connection,
                     $"SELECT error_type, count(DISTINCT line) FROM {rejects} GROUP BY error_type",
                     r => (r.GetString(0), r.GetInt64(1))))
            build.Reject(UnreadableReason(reason), count);
        var samples = Rows(connection,
            $"SELECT DISTINCT ON (line) line, error_type, csv_line, error_message FROM {rejects} ORDER BY line, column_idx LIMIT {options.RejectSamples}",
            r => (Line: r.GetInt64(0), Type: r.GetString(1), Text: r.IsDBNull(2) ? "" : r.GetString(2), Message: r.IsDBNull(3) ? "" : r.GetString(3)));
        foreach (var s in samples)
        {
            var reason = UnreadableReason(s.Type);
            var detail = reason == RejectReason.WrongColumnCount && ColumnCounts().Match(s.Message) is { Success: true } m
                ? $"expected {m.Groups[1].Value} fields, found {m.Groups[2].Value}"
                : s.Message;
            build.Sample(new RejectedRow(s.Line, reason, null, detail, RejectedRow.Clip(Line(s.Text))));
        }
    }

    /// <summary>Counts rows whose values do not fit the schema and, for the first of them, finds their lines.</summary>
    private static long AddBadValues(DuckDBConnection connection, string loaded, CsvInput input, CsvHeader header, DatasetSchema schema,
        string rejects, string probe, LoadReportBuilder build, LoadOptions options)
    {
        long total = 0;
        foreach (var (reason, count) in Rows(connection,
                     $"SELECT split_part({Problem}, chr({(int)ColumnSql.Separator}), 1)::INTEGER, count(*) FROM {loaded} WHERE {Problem} IS NOT NULL GROUP BY 1",
                     r => ((RejectReason)r.GetInt32(0), r.GetInt64(1))))
        {
            build.Reject(reason, count);
            total += count;
        }
        if (total == 0 || options.RejectSamples == 0) return total;

        // The n-th row of the text table is the n-th line read_csv split without error: read the file once more with
        // one column too many, so that every line is a reject with its number and text, and leave out the lines
        // rejected the first time.
        Execute(connection, $"SELECT count(*) FROM {ReadCsv(input, header, schema, probe, extraColumn: true)}");
        var samples = Rows(connection,
            $"WITH lines AS (SELECT line, any_value(csv_line) AS csv_line FROM {probe} WHERE line NOT IN (SELECT line FROM {rejects}) GROUP BY line)," +
            $" numbered AS (SELECT row_number() OVER (ORDER BY line) - 1 AS ord, line, csv_line FROM lines)," +
            $" first AS (SELECT rowid AS ord, {Problem} AS problem FROM {loaded} WHERE {Problem} IS NOT NULL ORDER BY rowid LIMIT {options.RejectSamples})" +
            $" SELECT coalesce(n.line, 0), first.problem, coalesce(n.csv_line, '') FROM first LEFT JOIN numbered n USING (ord) ORDER BY first.ord",
            r => (Line: r.GetInt64(0), Problem: r.GetString(1), Text: r.GetString(2)));
        foreach (var s in samples)
        {
            var parts = s.Problem.Split(ColumnSql.Separator, 3);
            build.Sample(new RejectedRow(s.Line, (RejectReason)int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2], RejectedRow.Clip(Line(s.Text))));
        }
        return total;
    }

    private static RejectReason UnreadableReason(string errorType) =>
        errorType is "MISSING COLUMNS" or "TOO MANY COLUMNS" ? RejectReason.WrongColumnCount : RejectReason.MalformedQuotes;

    /// <summary>read_csv's text of a line can carry the line break before it; the report shows the line alone.</summary>
    private static string Line(string csvLine) => csvLine.Trim('\r', '\n');

    [GeneratedRegex("Expected Number of Columns: (\\d+) Found: (\\d+)")]
    private static partial Regex ColumnCounts();

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<T> Rows<T>(DuckDBConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }
}

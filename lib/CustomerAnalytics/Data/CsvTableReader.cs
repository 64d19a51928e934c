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
/// why. Nothing is lost on the way: <see cref="CsvInput"/> counts the file's records with read_csv's quoting rules,
/// and a quote that swallows rows, or a count of accepted + rejected rows that differs from the records, fails the
/// load with <see cref="MalformedFileException"/> naming the file and the line. A line read_csv rejects for several
/// reasons counts once. Line numbers are the file's (the header is line 1, blank lines count), also after a quoted
/// field that spans lines (read_csv's own numbers count such a record as one line).
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
        using var input = CsvInput.For(path, options.Encoding, schema.Delimiter);
        var header = CsvHeader.Read(input.Path, path, schema, options);
        if (input.Scan.Swallowing is { } quote) throw SwallowedLines(path, quote);
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
                BlankLines = input.Scan.BlankLines,
            };
            AddUnreadableLines(connection, rejects, input.Scan, build, options);
            long bad = AddBadValues(connection, quoted, input, header, schema, rejects, probe, build, options);
            build.Accept(Scalar(connection, $"SELECT count(*) FROM {quoted}") - bad);
            if (build.RowsRead != input.Scan.DataRecords) throw CountsPart(connection, path, rejects, input.Scan, build);

            var report = build.Build() with { Table = table };
            if (!report.WithinBudget) throw new DataValidationException(report);
            if (bad > 0) Execute(connection, $"DELETE FROM {quoted} WHERE {Problem} IS NOT NULL");
            Execute(connection, $"ALTER TABLE {quoted} DROP COLUMN {Problem}");
            foreach (var c in ordered.Where(c => !c.Spec!.Nullable))
                Execute(connection, $"ALTER TABLE {quoted} ALTER {WorkshopDatabase.Quote(c.Spec!.Name)} SET NOT NULL");
            return report;
        }
        catch (DuckDBException e)
        {
            // DuckDB's message names the file it read, maybe a temporary copy: show the user's.
            var message = e.Message.Replace(input.Path, path);
            long? line = DuckDbLine().Match(message) is { Success: true } m ? input.Scan.FileLine(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) : null;
            throw new MalformedFileException(path, line, $"DuckDB's read_csv cannot read the file: {message.Split('\n')[0].TrimEnd('.', ' ')}." +
                " Check the quotes and line ends (a field that holds a quote or a line break is written in quotes, inner quotes doubled), fix the file and load again. Nothing was loaded.", e);
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

    /// <summary>Lines read_csv could not split into the header's fields. read_csv records one error per problem, so a
    /// line can have several (an unterminated quote and too few columns): the line counts once, under its first
    /// reason (a quote problem before the column count it causes), and its sample lists every reason.</summary>
    private static void AddUnreadableLines(DuckDBConnection connection, string rejects, CsvLineScanner scan, LoadReportBuilder build, LoadOptions options)
    {
        const string order = "(error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS'))::INTEGER * 1000000 + column_idx";
        const string first = $"arg_min(error_type, {order})";
        foreach (var (reason, count) in Rows(connection,
                     $"SELECT reason, count(*) FROM (SELECT {first} AS reason FROM {rejects} GROUP BY line) GROUP BY reason",
                     r => (r.GetString(0), r.GetInt64(1))))
            build.Reject(UnreadableReason(reason), count);
        var samples = Rows(connection,
            $"SELECT line, {first}, array_to_string(list(coalesce(error_message, '') ORDER BY {order}), chr(31)), any_value(csv_line) FROM {rejects}" +
            $" GROUP BY line ORDER BY line LIMIT {options.RejectSamples}",
            r => (Line: r.GetInt64(0), Type: r.GetString(1), Messages: r.GetString(2).Split('\u001f').Distinct(), Text: r.IsDBNull(3) ? "" : r.GetString(3)));
        foreach (var s in samples)
        {
            var details = s.Messages.Select(m => ColumnCounts().Match(m) is { Success: true } c ? $"expected {c.Groups[1].Value} fields, found {c.Groups[2].Value}" : m);
            build.Sample(new RejectedRow(scan.FileLine(s.Line), UnreadableReason(s.Type), null, string.Join("; ", details), RejectedRow.Clip(Line(s.Text))));
        }
    }

    /// <summary>A quote that swallows lines: read_csv would read them as one field and count one bad row at most.</summary>
    private static MalformedFileException SwallowedLines(string path, CsvLineScanner.SwallowingQuote quote) => new(path, quote.Line,
        (quote.Unclosed
            ? string.Create(CultureInfo.InvariantCulture, $"a quote (\") opened on this line is never closed, so the {quote.Lines:N0} line(s) after it, to the end of the file (line {quote.LastLine:N0}), would be read as one field and lost.")
            : string.Create(CultureInfo.InvariantCulture, $"a quote (\") opened on this line runs on to line {quote.LastLine:N0}, taking {quote.Lines:N0} line(s) that look like rows of their own into one field; they would be lost.")) +
        string.Create(CultureInfo.InvariantCulture, $" Fix the quote on line {quote.Line:N0} (a field that holds a quote is written in quotes with the inner quote doubled: \"5\"\" screen\"), or remove it, then load again. Nothing was loaded."));

    /// <summary>read_csv accounted for a different number of rows than the file has records: say where they part, as
    /// near as the rejects and the records that span lines tell.</summary>
    private static MalformedFileException CountsPart(DuckDBConnection connection, string path, string rejects, CsvLineScanner scan, LoadReportBuilder build)
    {
        long? firstReject = Rows(connection, $"SELECT min(line) FROM {rejects}", r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0))[0];
        long line = scan.FileLine(new[] { firstReject, scan.FirstMultiLineRecord }.Where(l => l is not null).Select(l => l!.Value).DefaultIfEmpty(2).Min());
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"the file has {scan.DataRecords:N0} row(s) after the header, but DuckDB's read_csv accounted for {build.RowsRead:N0} ({build.RowsRead - build.RowsRejected:N0} accepted, {build.RowsRejected:N0} rejected)");
        return new MalformedFileException(path, line, counts + "; the counts part at this line or the first quoted field after it that spans lines." +
            " Check the quotes there (a field that holds a quote or a line break is written in quotes, inner quotes doubled), fix the file and load again. Nothing was loaded.");
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
            build.Sample(new RejectedRow(input.Scan.FileLine(s.Line), (RejectReason)int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2], RejectedRow.Clip(Line(s.Text))));
        }
        return total;
    }

    private static RejectReason UnreadableReason(string errorType) =>
        errorType is "MISSING COLUMNS" or "TOO MANY COLUMNS" ? RejectReason.WrongColumnCount : RejectReason.MalformedQuotes;

    /// <summary>read_csv's text of a line can carry the line break before it; the report shows the line alone.</summary>
    private static string Line(string csvLine) => csvLine.Trim('\r', '\n');

    [GeneratedRegex("Expected Number of Columns: (\\d+) Found: (\\d+)")]
    private static partial Regex ColumnCounts();

    [GeneratedRegex("[Ll]ine:? (\\d+)")]
    private static partial Regex DuckDbLine();

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

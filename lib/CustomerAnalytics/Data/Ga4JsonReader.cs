using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Data;

/// <summary>
/// Reads a GA4 BigQuery export in newline-delimited JSON (one events_* row per line, nested event_params, device
/// and geo) with DuckDB's read_json, and validates every row as the CSV loader does: rows without a user, a
/// timestamp, an event name or a yyyyMMdd event_date are rejected with their line; events without ga_session_id
/// are kept and listed in a <see cref="LoadNote"/>. The result has the columns of <see cref="DatasetSchemas.Ga4Events"/>.
/// </summary>
internal static class Ga4JsonReader
{
    private static readonly string Sql = ReadSql();

    /// <summary>True for a JSON export: by extension (.json, .jsonl, .ndjson, each also with .gz), else by a first
    /// character '{' or '[' (of the decompressed text, for a gzip file such as BigQuery's EXPORT DATA ... compression = 'GZIP').</summary>
    public static bool IsJson(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        string[] json = [".json", ".jsonl", ".ndjson"];
        if (json.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return true;
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        return FirstCharacter(path) is '{' or '[';
    }

    private static bool IsGzip(string file)
    {
        using var stream = File.OpenRead(file);
        return stream.ReadByte() == 0x1f && stream.ReadByte() == 0x8b;
    }

    private static StreamReader OpenText(string file)
    {
        Stream stream = File.OpenRead(file);
        if (IsGzip(file)) stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        return new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The lines of the text, split at LF only, as read_json's newline-delimited format splits them: a CR
    /// inside a line (JSON whitespace, or a bad character in a string) does not start a new one; a CRLF's CR is dropped.</summary>
    private static IEnumerable<string> ReadLines(string file)
    {
        using var reader = OpenText(file);
        var line = new System.Text.StringBuilder();
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            var rest = buffer.AsMemory(0, read);
            for (int end; (end = rest.Span.IndexOf('\n')) >= 0; rest = rest[(end + 1)..])
            {
                line.Append(rest.Span[..end]);
                yield return WithoutTrailingCr(line);
                line.Clear();
            }
            line.Append(rest.Span);
        }
        if (line.Length > 0) yield return WithoutTrailingCr(line);
    }

    private static string WithoutTrailingCr(System.Text.StringBuilder line) =>
        line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();

    /// <summary>The file read_json reads: <paramref name="file"/> itself, or, for UTF-16/32 text (with a byte order mark:
    /// a re-saved export), a temporary UTF-8 copy, which the caller deletes.</summary>
    private static string Utf8Text(string file)
    {
        if (!TextEncodingDetector.HasNonUtf8ByteOrderMark(file)) return file;
        var copy = Path.Combine(Path.GetTempPath(), $"ca-load-{Guid.NewGuid():N}.jsonl");
        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        using var writer = new StreamWriter(copy, false, new System.Text.UTF8Encoding(false));
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer)) > 0) writer.Write(buffer, 0, read);
        return copy;
    }

    /// <summary>Reads and validates the export; throws <see cref="DataValidationException"/> over the error budget.</summary>
    public static DataFrameLoadResult Read(string localFile, LoadOptions options)
    {
        var expected = DatasetSchemas.Ga4Events.ColumnNames;
        switch (FirstCharacter(localFile))
        {
            case null:
                throw new SchemaMismatchException($"{localFile} is empty: expected a GA4 BigQuery export, one JSON object per line" +
                    " (event_date, event_timestamp, event_name, user_pseudo_id, event_params, ...). Export the events table or query again.",
                    localFile, expected, [], expected, []);
            case '[':
                throw new SchemaMismatchException($"{localFile} is a JSON array; expected newline-delimited JSON, one event per line, as" +
                    " BigQuery exports it (EXPORT DATA ... format = 'JSON', or 'JSONL' in the console). Convert it with: jq -c '.[]' in.json > out.jsonl",
                    localFile, expected, [], expected, []);
        }
        var text = Utf8Text(localFile);
        try
        {
            return Read(localFile, text, options);
        }
        finally
        {
            if (text != localFile) File.Delete(text);
        }
    }

    /// <summary>Reads <paramref name="text"/>, the UTF-8 text of <paramref name="localFile"/>, which messages and the report name.</summary>
    private static DataFrameLoadResult Read(string localFile, string text, LoadOptions options)
    {
        var rows = Query(text, localFile);
        var lines = LineNumbers(text, localFile, rows.Count);
        var problems = rows.Select(Problem).ToArray();
        var sessions = rows.Select(r => ParseLong(r.SessionInt) ?? ParseLong(r.SessionText)).ToArray();
        var noSession = Enumerable.Range(0, rows.Count).Where(i => problems[i] is null && sessions[i] is null).ToArray();
        var firstRejects = Enumerable.Range(0, rows.Count).Where(i => problems[i] is not null).Take(options.RejectSamples);
        lines.FillRaw(text, firstRejects.Concat(noSession.Take(options.RejectSamples)));
        var build = new LoadReportBuilder("ga4_events_json", localFile, Path.GetFullPath(localFile), options);
        var frame = new Frame();
        for (int i = 0; i < rows.Count; i++)
            if (problems[i] is { } p) build.Reject(lines.Numbers[i], p.Reason, p.Column, p.Detail, lines.Raw.GetValueOrDefault(i, ""));
            else { build.Accept(); frame.Add(rows[i], sessions[i]); }
        build.BlankLines = lines.Blank;
        build.AbsentOptionalColumns = AbsentColumns(rows);
        var report = build.Build() with
        {
            Notes = noSession.Length == 0 ? [] :
            [
                new LoadNote("ga_session_id", "no integer ga_session_id in event_params; kept, and grouped into one session per user",
                    noSession.Length, noSession.Take(options.RejectSamples).Select(i => new NotedRow(lines.Numbers[i], RejectedRow.Clip(lines.Raw[i]))).ToArray()),
            ],
        };
        if (!report.WithinBudget) throw new DataValidationException(report);
        return new DataFrameLoadResult(frame.ToDataFrame(), report);
    }

    private static (RejectReason Reason, string? Column, string Detail)? Problem(JsonRow r)
    {
        if (!r.Readable) return (RejectReason.MalformedJson, null, "not a JSON object with GA4 export fields (cut off, not JSON, or empty)");
        if (string.IsNullOrWhiteSpace(r.User)) return (RejectReason.MissingRequiredField, "user_pseudo_id", "user_pseudo_id is missing or empty");
        if (r.Timestamp is null) return (RejectReason.MissingRequiredField, "event_timestamp", "event_timestamp is missing");
        if (ParseLong(r.Timestamp) is not > 0) return (RejectReason.BadNumber, "event_timestamp", $"'{r.Timestamp}' is not a positive whole number of microseconds");
        if (string.IsNullOrWhiteSpace(r.Name)) return (RejectReason.MissingRequiredField, "event_name", "event_name is missing or empty");
        if (r.Date is null) return (RejectReason.MissingRequiredField, "event_date", "event_date is missing");
        if (ParseDate(r.Date) is null) return (RejectReason.BadTimestamp, "event_date", $"'{r.Date}' does not match yyyyMMdd");
        return null;
    }

    private static List<JsonRow> Query(string text, string localFile)
    {
        using var db = new WorkshopDatabase();
        using var command = db.Connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.Add(new DuckDBParameter("path", Path.GetFullPath(text)));
        command.Parameters.Add(new DuckDBParameter("compression", IsGzip(text) ? "gzip" : "uncompressed"));
        var rows = new List<JsonRow>();
        try
        {
            using var reader = command.ExecuteReader();
            string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            while (reader.Read())
                rows.Add(new JsonRow(S(0), S(1), S(2), S(3), S(4), S(5), S(6), S(7), S(8), reader.GetBoolean(9)));
        }
        catch (DuckDBException e)
        {
            throw new SchemaMismatchException($"{localFile} cannot be read as a GA4 BigQuery export ({e.Message.Replace(Path.GetFullPath(text), localFile)}). Expected newline-delimited JSON," +
                " one event per line with event_date, event_timestamp, event_name, user_pseudo_id and event_params.",
                localFile, DatasetSchemas.Ga4Events.ColumnNames, [], [], []);
        }
        return rows;
    }

    private static IReadOnlyList<string> AbsentColumns(List<JsonRow> rows)
    {
        var absent = new List<string>();
        if (rows.All(r => r.Platform is null)) absent.Add("platform");
        if (rows.All(r => r.Device is null)) absent.Add("device_category");
        if (rows.All(r => r.Country is null)) absent.Add("geo_country");
        return absent;
    }

    internal static long? ParseLong(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static DateTime? ParseDate(string? text) =>
        DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static char? FirstCharacter(string file)
    {
        using var reader = OpenText(file);
        var buffer = new char[4096];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            foreach (var c in buffer.AsSpan(0, n))
                if (!char.IsWhiteSpace(c)) return c;
        return null;
    }

    private static LineMap LineNumbers(string textFile, string file, int rows)
    {
        var map = new LineMap(rows);
        long line = 0;
        foreach (var text in ReadLines(textFile))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) { map.Blank++; continue; }
            if (map.Count == rows)
                throw new SchemaMismatchException($"{file} has more lines than DuckDB read events (line {line}): is it pretty-printed JSON? Expected" +
                    " newline-delimited JSON, one event per line, as BigQuery exports it. Convert it with: jq -c . in.json > out.jsonl",
                    file, DatasetSchemas.Ga4Events.ColumnNames, [], [], []);
            map.Numbers[map.Count++] = line;
        }
        if (map.Count != rows)
            throw new SchemaMismatchException($"{file}: DuckDB read {rows:N0} events from {map.Count:N0} non-empty lines; expected newline-delimited JSON," +
                " one event per line, as BigQuery exports it.", file, DatasetSchemas.Ga4Events.ColumnNames, [], [], []);
        return map;
    }

    private static string ReadSql()
    {
        using var stream = typeof(Ga4JsonReader).Assembly.GetManifestResourceStream("CustomerAnalytics.Data.ga4_events_json.sql")
            ?? throw new InvalidOperationException("ga4_events_json.sql is not embedded in the library.");
        return new StreamReader(stream).ReadToEnd();
    }

    private sealed record JsonRow(string? Date, string? Timestamp, string? Name, string? User, string? SessionInt, string? SessionText,
        string? Platform, string? Device, string? Country, bool Readable);

    /// <summary>Line number of every row, and the raw text of the few rows a report shows.</summary>
    private sealed class LineMap(int rows)
    {
        public long[] Numbers { get; } = new long[rows];
        public int Count { get; set; }
        public long Blank { get; set; }
        public Dictionary<int, string> Raw { get; } = [];

        public void FillRaw(string file, IEnumerable<int> rowIndexes)
        {
            var wanted = rowIndexes.ToHashSet();
            if (wanted.Count == 0) return;
            int row = 0;
            foreach (var text in ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (wanted.Contains(row)) Raw[row] = text;
                row++;
            }
        }
    }

    /// <summary>The accepted rows as DataFrame columns typed like the CSV loader's (<see cref="DatasetSchemas.Ga4Events"/>).</summary>
    private sealed class Frame
    {
        private readonly DateTimeDataFrameColumn date = new("event_date");
        private readonly Int64DataFrameColumn timestamp = new("event_timestamp");
        private readonly StringDataFrameColumn name = new("event_name"), user = new("user_pseudo_id");
        private readonly Int64DataFrameColumn session = new("ga_session_id");
        private readonly StringDataFrameColumn platform = new("platform"), device = new("device_category"), country = new("geo_country");

        public void Add(JsonRow r, long? sessionId)
        {
            date.Append(ParseDate(r.Date)); timestamp.Append(ParseLong(r.Timestamp)); name.Append(r.Name); user.Append(r.User);
            session.Append(sessionId); platform.Append(r.Platform); device.Append(r.Device); country.Append(r.Country);
        }

        public DataFrame ToDataFrame() => new(date, timestamp, name, user, session, platform, device, country);
    }
}

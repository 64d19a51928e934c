using System.Globalization;

namespace CustomerAnalytics.Data;

/// <summary>
/// Reads a delimited file against a <see cref="DatasetSchema"/>: matches the header by name, validates and
/// types every field, hands each accepted row on, and counts each rejected one in a <see cref="LoadReport"/>.
/// </summary>
/// <remarks>
/// Every row is read even after the error budget is exceeded (rows are then only counted), so the
/// exception reports the whole file. Rows are streamed: memory stays flat whatever the file size.
/// </remarks>
public static class SchemaCsvReader
{
    /// <summary>
    /// Reads the local file <paramref name="path"/>, calling <paramref name="onRow"/> for every accepted row
    /// (for s3:// sources use <see cref="DatasetLoader"/>).
    /// The <see cref="TypedRow"/> passed in is reused: copy what you need.
    /// </summary>
    /// <exception cref="DataFileNotFoundException">The file does not exist.</exception>
    /// <exception cref="SchemaMismatchException">The file is empty or its header does not match.</exception>
    /// <exception cref="DataValidationException">More rows were rejected than <see cref="LoadOptions.MaxErrors"/>.</exception>
    public static LoadReport Read(string path, DatasetSchema schema, Action<TypedRow> onRow, LoadOptions? options = null) =>
        Read(path, path, schema, new ActionSink(onRow), options ?? LoadOptions.Default);

    /// <summary>Reads <paramref name="path"/> into a list, mapping each accepted row with <paramref name="map"/>.</summary>
    public static (IReadOnlyList<T> Rows, LoadReport Report) ReadAll<T>(string path, DatasetSchema schema, Func<TypedRow, T> map, LoadOptions? options = null)
    {
        var rows = new List<T>();
        var report = Read(path, schema, row => rows.Add(map(row)), options);
        return (rows, report);
    }

    internal static LoadReport Read(string path, string source, DatasetSchema schema, ITypedRowSink sink, LoadOptions options)
    {
        if (!File.Exists(path)) throw new DataFileNotFoundException(source);
        var report = new LoadReportBuilder(schema.Name, source, Path.GetFullPath(path), options);
        var encoding = TextEncodingDetector.Choose(path, options.Encoding);
        report.TextEncoding = encoding.Description;
        using var reader = new CsvRecordReader(path, schema.Delimiter, encoding.Encoding);

        if (!reader.Read()) throw SchemaMismatchException.EmptyFile(path, schema);
        var layout = MatchHeader(path, schema, reader.Fields, options);
        report.IgnoredColumns = layout.Ignored;
        report.AbsentOptionalColumns = layout.AbsentOptional;
        var row = new TypedRow(schema, layout.IsPresent);
        sink.Begin(schema, row.PresentOrdinals);

        while (reader.Read())
        {
            var problem = reader.QuoteProblem is { } quote
                ? new Problem(RejectReason.MalformedQuotes, null, quote)
                : reader.Fields.Count != layout.FieldCount
                    ? new Problem(RejectReason.WrongColumnCount, null, $"expected {layout.FieldCount} fields, found {reader.Fields.Count}")
                    : Fill(row, reader.Fields, layout);
            if (problem is { } p)
            {
                report.Reject(reader.StartLine, p.Reason, p.Column, p.Detail, reader.RawText);
                continue;
            }
            report.Accept();
            if (!report.OverBudget)
            {
                row.Line = reader.StartLine;
                sink.Add(row);
            }
        }
        report.BlankLines = reader.BlankLines;
        report.UndecodableBytes = reader.UndecodableBytes;
        var result = report.Build();
        if (!result.WithinBudget) throw new DataValidationException(result);
        return result;
    }

    private readonly record struct Problem(RejectReason Reason, string? Column, string Detail);

    /// <summary>Which file field feeds which schema column.</summary>
    private sealed record HeaderLayout(int FieldCount, FieldPlan[] Map, bool[] IsPresent,
        IReadOnlyList<string> Ignored, IReadOnlyList<string> AbsentOptional);

    /// <summary>How to read one field, worked out once per file rather than once per value.</summary>
    private readonly record struct FieldPlan(int Ordinal, int Field, ColumnSpec Spec, bool WholeDecimal, decimal DecimalLimit)
    {
        public static FieldPlan For(ColumnSpec spec, int ordinal, int field) =>
            new(ordinal, field, spec, spec.Formats.Contains(ColumnSpec.WholeDecimalFormat),
                spec.Type == ColumnType.Decimal ? Pow10[18 - spec.Scale] : 0m);
    }

    private static HeaderLayout MatchHeader(string path, DatasetSchema schema, List<CsvField> header, LoadOptions options)
    {
        var found = header.Select(f => f.ToString().Trim().Trim('\uFEFF')).ToArray();
        var isPresent = new bool[schema.Columns.Count];
        var map = new List<FieldPlan>();
        var unexpected = new List<string>();
        var duplicates = new List<string>();
        for (int field = 0; field < found.Length; field++)
        {
            int ordinal = IndexOf(schema, found[field]);
            if (ordinal < 0) unexpected.Add(found[field]);
            else if (isPresent[ordinal]) duplicates.Add(found[field]);
            else
            {
                isPresent[ordinal] = true;
                map.Add(FieldPlan.For(schema.Columns[ordinal], ordinal, field));
            }
        }
        var missing = schema.Columns.Where((c, i) => !isPresent[i] && !c.Optional).Select(c => c.Name).ToArray();
        if (missing.Length > 0 || duplicates.Count > 0 || (unexpected.Count > 0 && !options.AllowExtraColumns))
            throw SchemaMismatchException.HeaderMismatch(path, schema, found, missing, unexpected, duplicates);

        return new HeaderLayout(
            found.Length,
            map.OrderBy(m => m.Field).ToArray(), // validate in file order, so the first problem reported is the leftmost
            isPresent,
            unexpected,
            schema.Columns.Where((c, i) => !isPresent[i]).Select(c => c.Name).ToArray());
    }

    private static int IndexOf(DatasetSchema schema, string name)
    {
        for (int i = 0; i < schema.Columns.Count; i++)
            if (string.Equals(schema.Columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static Problem? Fill(TypedRow row, List<CsvField> fields, HeaderLayout layout)
    {
        foreach (var plan in layout.Map)
        {
            var (ordinal, spec) = (plan.Ordinal, plan.Spec);
            var field = fields[plan.Field];
            var text = field.Span;
            bool empty = spec.Type == ColumnType.String ? text.IsEmpty : text.IsWhiteSpace();
            if (empty)
            {
                if (!spec.Nullable) return new Problem(RejectReason.MissingRequiredField, spec.Name, "empty value in a required column");
                row.SetNull(ordinal);
                continue;
            }
            switch (spec.Type)
            {
                case ColumnType.String:
                    row.SetText(ordinal, field);
                    break;
                case ColumnType.Int:
                    if (!FieldParser.TryParseInt64(text, plan.WholeDecimal, out var i32) || i32 is < int.MinValue or > int.MaxValue)
                        return Bad(RejectReason.BadNumber, spec, text, "is not a whole number (32-bit)");
                    row.SetInteger(ordinal, i32);
                    break;
                case ColumnType.Long:
                    if (!FieldParser.TryParseInt64(text, plan.WholeDecimal, out var i64))
                        return Bad(RejectReason.BadNumber, spec, text, "is not a whole number (64-bit)");
                    row.SetInteger(ordinal, i64);
                    break;
                case ColumnType.Decimal:
                    if (!FieldParser.TryParseDecimal(text, out var dec))
                        return Bad(RejectReason.BadNumber, spec, text, "is not a decimal number");
                    if (decimal.Round(dec, spec.Scale) != dec || Math.Abs(dec) >= plan.DecimalLimit)
                        return Bad(RejectReason.BadNumber, spec, text, $"does not fit DECIMAL(18,{spec.Scale}) (too many decimals or digits)");
                    row.SetDecimal(ordinal, dec);
                    break;
                case ColumnType.Double:
                    if (!FieldParser.TryParseDouble(text, out var dbl))
                        return Bad(RejectReason.BadNumber, spec, text, "is not a finite number");
                    row.SetDouble(ordinal, dbl);
                    break;
                case ColumnType.Timestamp:
                case ColumnType.Date:
                    if (!FieldParser.TryParseTimestamp(text, spec.Formats, out var time))
                        return Bad(RejectReason.BadTimestamp, spec, text, $"does not match {string.Join(" or ", spec.Formats)}");
                    row.SetTime(ordinal, time);
                    break;
                case ColumnType.Binary:
                    if (!FieldParser.TryParseBinary(text, out var bit))
                        return Bad(RejectReason.NotBinary, spec, text, "is not 0 or 1");
                    row.SetInteger(ordinal, bit);
                    break;
            }
        }
        return null;
    }

    private static readonly decimal[] Pow10 = Enumerable.Range(0, 19).Select(p => (decimal)Math.Pow(10, p)).ToArray();

    private static Problem Bad(RejectReason reason, ColumnSpec spec, ReadOnlySpan<char> text, string what)
    {
        var shown = text.Length <= 60 ? text.ToString() : text[..60].ToString() + "…";
        return new Problem(reason, spec.Name, string.Create(CultureInfo.InvariantCulture, $"'{shown}' {what}"));
    }

    private sealed class ActionSink(Action<TypedRow> onRow) : ITypedRowSink
    {
        public void Begin(DatasetSchema schema, IReadOnlyList<int> ordinals) { }
        public void Add(TypedRow row) => onRow(row);
    }
}

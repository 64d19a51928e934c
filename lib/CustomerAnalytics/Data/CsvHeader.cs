using System.Text;

namespace CustomerAnalytics.Data;

/// <summary>
/// The header line of a delimited file matched against a schema: which schema column each field feeds, by name,
/// case-insensitively, in any order. Read here rather than by DuckDB so that a wrong file fails with the expected
/// and the found columns before any row is read.
/// </summary>
/// <param name="Columns">Per file field, the schema column it feeds, or null for an ignored extra column.</param>
/// <param name="LinesBefore">Blank lines before the header (read_csv is told to skip them).</param>
/// <param name="Crlf">Lines end with CR LF: a quoted line break inside a field is then CR LF too, and is read as LF,
/// so a file loads the same whichever line ends it was saved with.</param>
/// <param name="Ignored">Header columns the schema does not know (allowed by <see cref="LoadOptions.AllowExtraColumns"/>).</param>
/// <param name="AbsentOptional">Optional schema columns the file does not have.</param>
internal sealed record CsvHeader(IReadOnlyList<ColumnSpec?> Columns, int LinesBefore, bool Crlf, IReadOnlyList<string> Ignored, IReadOnlyList<string> AbsentOptional)
{
    /// <summary>Reads the first non-blank line of the UTF-8 file <paramref name="utf8File"/> and matches it to
    /// <paramref name="schema"/>; messages name <paramref name="path"/>, the file the caller gave.</summary>
    /// <exception cref="SchemaMismatchException">The file is empty, or columns are missing, duplicated or (unless allowed) unexpected.</exception>
    public static CsvHeader Read(string utf8File, string path, DatasetSchema schema, LoadOptions options)
    {
        string? line;
        int blank = 0;
        using (var reader = new StreamReader(utf8File, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            while ((line = reader.ReadLine()) is { Length: 0 }) blank++;
        if (line is null) throw SchemaMismatchException.EmptyFile(path, schema);

        var found = line.Split(schema.Delimiter).Select(f => f.Trim().Trim('\uFEFF').Trim('"').Trim()).ToArray();
        var columns = new ColumnSpec?[found.Length];
        var unexpected = new List<string>();
        var duplicates = new List<string>();
        for (int i = 0; i < found.Length; i++)
        {
            var spec = schema.Find(found[i]);
            if (spec is null) unexpected.Add(found[i]);
            else if (columns.Contains(spec)) duplicates.Add(found[i]);
            else columns[i] = spec;
        }
        var absent = schema.Columns.Where(c => !columns.Contains(c)).ToArray();
        var missing = absent.Where(c => !c.Optional).Select(c => c.Name).ToArray();
        if (missing.Length > 0 || duplicates.Count > 0 || (unexpected.Count > 0 && !options.AllowExtraColumns))
            throw SchemaMismatchException.HeaderMismatch(path, schema, found, missing, unexpected, duplicates);
        return new CsvHeader(columns, blank, EndsLinesWithCrlf(utf8File), unexpected, absent.Select(c => c.Name).ToArray());
    }

    private static bool EndsLinesWithCrlf(string file)
    {
        using var stream = File.OpenRead(file);
        int previous = -1, b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n') previous = b;
        return b == '\n' && previous == '\r';
    }
}

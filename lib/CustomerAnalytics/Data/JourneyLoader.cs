namespace CustomerAnalytics.Data;

/// <summary>
/// Reads touchpoint journey files: no header, one customer a line, three TAB-separated fields
/// (customer_id, input touchpoints, target touchpoints), touchpoints separated by one or more spaces.
/// LF and CRLF line ends both work. Lines with the wrong number of fields, an empty customer id or an
/// empty sequence are rejected and counted, with their line numbers, under the usual error budget.
/// </summary>
public static class JourneyLoader
{
    /// <summary>Dataset name used in reports.</summary>
    public const string DatasetName = "journeys";

    private static readonly char[] TokenSeparators = [' '];

    /// <summary>Reads a local journey file into records.</summary>
    /// <exception cref="DataFileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataValidationException">More lines were rejected than <see cref="LoadOptions.MaxErrors"/>.</exception>
    public static JourneyLoadResult Load(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var records = new List<JourneyRecord>();
        var report = Read(DataSource.LocalFile(path), options, records.Add);
        return new JourneyLoadResult(records, report);
    }

    /// <summary>Loads a journey file into <paramref name="table"/> (customer_id VARCHAR, input VARCHAR[], target VARCHAR[]).</summary>
    public static LoadReport LoadInto(WorkshopDatabase db, string path, LoadOptions? options = null, string table = "journeys")
    {
        options ??= LoadOptions.Default;
        DataSource.LocalFile(path);
        return db.InTransaction(() =>
        {
            db.Execute($"CREATE OR REPLACE TABLE {WorkshopDatabase.Quote(table)} (customer_id VARCHAR NOT NULL, input VARCHAR[] NOT NULL, target VARCHAR[] NOT NULL)");
            LoadReport report;
            using (var appender = db.Connection.CreateAppender(table))
                report = Read(path, options, j => appender.CreateRow()
                    .AppendValue(j.CustomerId).AppendValue(j.Input).AppendValue(j.Target).EndRow());
            return report with { Table = table };
        });
    }

    private static LoadReport Read(string path, LoadOptions options, Action<JourneyRecord> onRecord)
    {
        var report = new LoadReportBuilder(DatasetName, path, Path.GetFullPath(path), options);
        var (encoding, undecodable) = CountingDecoderFallback.For(options.Encoding);
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        long lineNumber = 0, blank = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0) { blank++; continue; }
            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                report.Reject(lineNumber, RejectReason.WrongColumnCount, null,
                    $"expected 3 TAB-separated fields (customer_id, input, target), found {fields.Length}", line);
                continue;
            }
            var customer = fields[0].Trim();
            var input = fields[1].Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries);
            var target = fields[2].Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries);
            if (customer.Length == 0)
                report.Reject(lineNumber, RejectReason.MissingRequiredField, "customer_id", "empty value in a required column", line);
            else if (input.Length == 0)
                report.Reject(lineNumber, RejectReason.EmptySequence, "input", "no input touchpoints", line);
            else if (target.Length == 0)
                report.Reject(lineNumber, RejectReason.EmptySequence, "target", "no target touchpoints", line);
            else
            {
                report.Accept();
                if (!report.OverBudget) onRecord(new JourneyRecord(customer, input, target));
            }
        }
        if (report.RowsRead == 0) throw SchemaMismatchException.EmptyJourneyFile(path);
        report.BlankLines = blank;
        report.UndecodableBytes = undecodable.Count;
        var result = report.Build();
        if (!result.WithinBudget) throw new DataValidationException(result);
        return result;
    }
}

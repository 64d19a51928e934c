namespace CustomerAnalytics.Data;

/// <summary>Counts rows as a file is read and keeps the first rejected ones.</summary>
internal sealed class LoadReportBuilder(string dataset, string source, string file, LoadOptions options)
{
    private readonly Dictionary<RejectReason, long> _byReason = [];
    private readonly List<RejectedRow> _samples = [];

    public long RowsRead { get; private set; }
    public long RowsRejected { get; private set; }
    public long BlankLines { get; set; }
    public long UndecodableBytes { get; set; }
    public string TextEncoding { get; set; } = "UTF-8";
    public IReadOnlyList<string> IgnoredColumns { get; set; } = [];
    public IReadOnlyList<string> AbsentOptionalColumns { get; set; } = [];

    /// <summary>True once more rows were rejected than the budget allows; later rows are only counted.</summary>
    public bool OverBudget => RowsRejected > options.MaxErrors;

    public void Accept() => RowsRead++;

    /// <summary>Counts <paramref name="rows"/> accepted rows at once.</summary>
    public void Accept(long rows) => RowsRead += rows;

    /// <summary>Counts <paramref name="rows"/> rejected rows of one reason at once; their samples come through <see cref="Sample"/>.</summary>
    public void Reject(RejectReason reason, long rows)
    {
        RowsRead += rows;
        RowsRejected += rows;
        _byReason[reason] = _byReason.GetValueOrDefault(reason) + rows;
    }

    /// <summary>Keeps a rejected row counted with <see cref="Reject(RejectReason, long)"/>; the report keeps the
    /// first ones by line, whatever order they come in.</summary>
    public void Sample(RejectedRow row) => _samples.Add(row);

    public void Reject(long line, RejectReason reason, string? column, string detail, string raw)
    {
        RowsRead++;
        RowsRejected++;
        _byReason[reason] = _byReason.GetValueOrDefault(reason) + 1;
        if (_samples.Count < options.RejectSamples)
            _samples.Add(new RejectedRow(line, reason, column, detail, RejectedRow.Clip(raw)));
    }

    public LoadReport Build() => new()
    {
        Dataset = dataset,
        Source = source,
        File = file,
        RowsRead = RowsRead,
        RowsAccepted = RowsRead - RowsRejected,
        RowsRejected = RowsRejected,
        RejectsByReason = new Dictionary<RejectReason, long>(_byReason),
        FirstRejects = _samples.OrderBy(r => r.Line).Take(options.RejectSamples).ToArray(),
        BlankLines = BlankLines,
        UndecodableBytes = UndecodableBytes,
        TextEncoding = TextEncoding,
        IgnoredColumns = IgnoredColumns,
        AbsentOptionalColumns = AbsentOptionalColumns,
        MaxErrors = options.MaxErrors,
    };
}

namespace CustomerAnalytics.Data;

/// <summary>Where validated rows go: a DuckDB appender, DataFrame columns or a list of records.</summary>
internal interface ITypedRowSink
{
    /// <summary>Called once, after the header is matched, with the ordinals of the schema columns present in
    /// the file (in schema order): the columns a table or DataFrame gets.</summary>
    void Begin(DatasetSchema schema, IReadOnlyList<int> ordinals);

    /// <summary>Called for every accepted row while the error budget holds.</summary>
    void Add(TypedRow row);
}

namespace CustomerAnalytics.Data;

/// <summary>
/// Loads the workshop datasets from local files (download S3 data first, with S3Transfer), validating every row against its schema
/// (<see cref="DatasetSchemas"/>), into DuckDB tables, DataFrames or typed records. Each load returns a
/// <see cref="LoadReport"/>; a load over the error budget throws and leaves the database unchanged.
/// </summary>
public static class DatasetLoader
{
    /// <summary>
    /// Loads the Olist customers, orders and payments files of a local folder into
    /// the tables <c>customers</c>, <c>orders</c> and <c>payments</c>, replacing them. All three load in one
    /// transaction: if one file fails, no table changes. The files load in parallel (see TableLoader).
    /// </summary>
    public static OlistLoadResult LoadOlist(WorkshopDatabase db, string folder, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        DataSource.RequireFolder(folder);
        // Check all three first, so a missing file fails before any work is done.
        var files = new[] { DatasetSchemas.OlistFiles.Customers, DatasetSchemas.OlistFiles.Orders, DatasetSchemas.OlistFiles.Payments }
            .Select(name => DataSource.LocalFile(Path.Combine(folder, name)))
            .ToArray();
        var reports = TableLoader.Load(db, [
            new TableLoadJob("customers", files[0], DatasetSchemas.OlistCustomers),
            new TableLoadJob("orders", files[1], DatasetSchemas.OlistOrders),
            new TableLoadJob("payments", files[2], DatasetSchemas.OlistPayments)], options);
        return new OlistLoadResult(reports[0], reports[1], reports[2]);
    }

    /// <summary>Loads the UCI Online Retail CSV into <paramref name="table"/> (cancellations included; see
    /// <see cref="DatasetSchemas.OnlineRetail"/>).</summary>
    public static LoadReport LoadOnlineRetail(WorkshopDatabase db, string path, LoadOptions? options = null, string table = "online_retail") =>
        LoadTable(db, table, path, DatasetSchemas.OnlineRetail, options);

    /// <summary>Loads the propensity sessions CSV into <paramref name="table"/> (features and label as TINYINT 0/1).</summary>
    public static LoadReport LoadPropensity(WorkshopDatabase db, string path, LoadOptions? options = null, string table = "sessions") =>
        LoadTable(db, table, path, DatasetSchemas.PropensitySessions, options);

    /// <summary>Reads the propensity sessions CSV into typed records for model code.</summary>
    public static PropensityLoadResult LoadPropensity(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        using var db = new WorkshopDatabase();
        var report = CsvTableReader.Load(db.Connection, "sessions", DataSource.LocalFile(path), DatasetSchemas.PropensitySessions, options) with { Table = null };
        using var command = db.Connection.CreateCommand();
        command.CommandText = "SELECT * FROM sessions";
        using var reader = command.ExecuteReader();
        var sessions = new List<SessionRecord>();
        while (reader.Read()) sessions.Add(SessionRecord.FromRecord(reader));
        return new PropensityLoadResult(sessions, report);
    }

    /// <summary>
    /// Reads a GA4 events export into a DataFrame with the columns of <see cref="DatasetSchemas.Ga4Events"/>, from
    /// either form: the flattened CSV, or a BigQuery export in newline-delimited JSON (nested event_params, device,
    /// geo; INT64 values as strings or numbers; gzip-compressed or not), chosen by extension (.json, .jsonl, .ndjson, .csv)
    /// or else by content.
    /// JSON rows without ga_session_id are kept and listed in <see cref="LoadReport.Notes"/>.
    /// </summary>
    public static DataFrameLoadResult LoadGa4(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        return Ga4JsonReader.IsJson(DataSource.LocalFile(path))
            ? Ga4JsonReader.Read(path, options)
            : LoadDataFrame(path, DatasetSchemas.Ga4Events, options);
    }

    /// <summary>Loads any delimited file described by <paramref name="schema"/> into <paramref name="table"/>
    /// (created or replaced; on failure the previous table is kept).</summary>
    public static LoadReport LoadTable(WorkshopDatabase db, string table, string path, DatasetSchema schema, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        return TableLoader.Load(db, [new TableLoadJob(table, DataSource.LocalFile(path), schema)], options)[0];
    }

    /// <summary>Loads a file described by <paramref name="schema"/> into a DataFrame typed by the schema (through an
    /// in-memory DuckDB table, so the types equal those of a DuckDB query of the same data).</summary>
    public static DataFrameLoadResult LoadDataFrame(string path, DatasetSchema schema, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        using var db = new WorkshopDatabase();
        var report = CsvTableReader.Load(db.Connection, "frame", DataSource.LocalFile(path), schema, options) with { Table = null };
        return new DataFrameLoadResult(db.Query("SELECT * FROM frame"), report);
    }
}

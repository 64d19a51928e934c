using CustomerAnalytics.Data;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Benchmarks;

/// <summary>The reference for <see cref="RfmBenchmark"/>: the same files and SQL, loaded by DuckDB's own read_csv
/// with the types it detects and no checks (no rejects, no error budget, no report), to show what validation costs.</summary>
public sealed class RfmReadCsvBenchmark : IBenchmark
{
    private readonly RfmBenchmark _files = new();

    public string Name => "rfm-1m-readcsv";
    public string Description => "reference for rfm-1m: the same three files loaded by DuckDB's own read_csv (types auto-detected, nothing checked), the same RFM SQL";

    public object? Setup(string workFolder) => _files.Setup(workFolder);

    public string Run(object? state)
    {
        var folder = (string)state!;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var db = new WorkshopDatabase();
        foreach (var (table, file) in new[] { ("customers", DatasetSchemas.OlistFiles.Customers), ("orders", DatasetSchemas.OlistFiles.Orders), ("payments", DatasetSchemas.OlistFiles.Payments) })
            db.Execute($"CREATE TABLE {table} AS SELECT * FROM read_csv('{Path.Combine(folder, file).Replace("'", "''")}')");
        var load = watch.Elapsed.TotalSeconds;
        var pipeline = RfmPipeline.ForOlist(db);
        pipeline.Prepare();
        foreach (var step in pipeline.Steps) pipeline.Run(step.Name);
        var sql = watch.Elapsed.TotalSeconds - load;
        return $"{db.Count("orders"):N0} orders -> {pipeline.Result().Customers:N0} customers (load + SQL {load + sql:F2} s: load {load:F2} s, SQL {sql:F2} s)";
    }
}

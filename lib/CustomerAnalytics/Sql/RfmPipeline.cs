using CustomerAnalytics.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Sql;

/// <summary>
/// Runs the RFM SQL steps (lib/CustomerAnalytics/Sql/Rfm/*.sql, generated from workshop 01's cells) on any
/// <see cref="SqlEngine"/>, one step at a time for the notebook (with the SQL its cell holds) or all at once. The SQL is the same on DuckDB and PostgreSQL; the pipeline only adds
/// the parameter tables (rfm_statuses, rfm_as_of, and for Online Retail retail_non_product_codes) and checks the
/// inputs first.
/// </summary>
public sealed partial class RfmPipeline
{
    private const string SegmentSummarySql = """
        SELECT segment, COUNT(*) AS customers, SUM(monetary_total) AS revenue,
               SUM(monetary_total) / (SELECT SUM(monetary_total) FROM rfm_segments) AS revenue_share,
               AVG(recency_days) AS mean_recency_days, AVG(frequency) AS mean_frequency
        FROM rfm_segments GROUP BY segment ORDER BY revenue DESC
        """;

    private const int PreviewRows = 5; // rows of each step's preview

    private readonly SqlEngine engine;
    private readonly RfmOptions options;
    private readonly RfmSource source;
    private readonly List<StepResult> results = [];
    private DateTime? asOfDate;

    private RfmPipeline(SqlEngine engine, RfmOptions? options, RfmSource source, IReadOnlyList<SqlScript> steps)
    {
        this.engine = engine;
        this.options = options ?? new RfmOptions();
        this.source = source;
        Steps = steps;
    }

    /// <summary>RFM over the Olist tables customers, orders and payments.</summary>
    public static RfmPipeline ForOlist(SqlEngine engine, RfmOptions? options = null) =>
        new(engine, options, RfmSource.Olist, SqlScript.Load("Rfm"));

    /// <summary>RFM over the online_retail table with spend net of returns (lines sorted by rule, purchase invoices as
    /// orders, matched cancellations, net spend, the rules table, R F M), then the same score and segment steps.</summary>
    public static RfmPipeline ForOnlineRetail(SqlEngine engine, RfmOptions? options = null) =>
        new(engine, options, RfmSource.OnlineRetail, [.. SqlScript.Load("RetailRfm"), .. SqlScript.Load("Rfm").Where(s => s.Name[..2] is "04" or "05")]);

    /// <summary>The statements, in the order they run.</summary>
    public IReadOnlyList<SqlScript> Steps { get; }

    /// <summary>The steps run so far.</summary>
    public IReadOnlyList<StepResult> Results => results;

    /// <summary>The as-of date in use (chosen by <see cref="Prepare"/>).</summary>
    public DateTime AsOfDate => asOfDate ?? throw new InvalidOperationException("Call Prepare() first.");

    /// <summary>
    /// Checks the input tables and writes the parameter tables. Returns the as-of date used.
    /// </summary>
    /// <exception cref="SqlEngineException">A table or column is missing, no order qualifies, or the as-of date precedes every order.</exception>
    public DateTime Prepare()
    {
        CheckInputs();
        Replace("rfm_statuses", "CREATE TABLE rfm_statuses (status VARCHAR(32))");
        foreach (var status in options.OrderStatuses)
            engine.Execute($"INSERT INTO rfm_statuses VALUES ('{status.Replace("'", "''")}')");
        if (source == RfmSource.OnlineRetail)
        {
            // The codes the SQL leaves out of spend, with what the workshop's list says of them ('' for codes of your own).
            Replace("retail_non_product_codes", "CREATE TABLE retail_non_product_codes (stock_code VARCHAR(64), description VARCHAR(64), kind VARCHAR(32))");
            foreach (var code in options.NonProductStockCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct())
            {
                var known = NonProductStockCode.All.FirstOrDefault(c => c.Code == code);
                engine.Execute($"INSERT INTO retail_non_product_codes VALUES ({Quoted(code)}, {Quoted(known?.Description ?? "")}, {Quoted(known?.Kind ?? "")})");
            }
        }

        var (first, last) = PurchaseRange();
        var asOf = options.AsOfDate ?? last.Date.AddDays(1);
        if (asOf <= first)
            throw new SqlEngineException(string.Create(CultureInfo.InvariantCulture,
                $"The as-of date {asOf:yyyy-MM-dd} is not after the first purchase ({first:yyyy-MM-dd HH:mm}): nobody has bought anything yet. " +
                $"Choose a date after it, or leave AsOfDate empty to use the day after the last purchase ({last.Date.AddDays(1):yyyy-MM-dd})."));
        Replace("rfm_as_of", "CREATE TABLE rfm_as_of (as_of_date TIMESTAMP)");
        engine.Execute(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO rfm_as_of VALUES (TIMESTAMP '{asOf:yyyy-MM-dd HH:mm:ss}')"));
        results.Clear();
        asOfDate = asOf;
        return asOf;
    }

    /// <summary>Runs one step by its name ("03_rfm") or the part after the number ("rfm").</summary>
    public StepResult Run(string step) => Run(step, null);

    /// <summary>
    /// Runs one step with the statement <paramref name="sql"/> in place of the library's copy: the SQL a notebook cell
    /// holds (and an attendee may have changed). Null runs the library's copy.
    /// </summary>
    public StepResult Run(string step, string? sql)
    {
        var known = Steps.FirstOrDefault(s => s.Name == step || s.Name[3..] == step)
            ?? throw new ArgumentException($"No step '{step}'. Steps: {string.Join(", ", Steps.Select(s => s.Name))}.", nameof(step));
        var script = sql is null ? known : SqlScript.From(known.Pipeline, known.Name, sql);
        if (script.CreatesTable != known.CreatesTable)
            throw new ArgumentException($"Step '{known.Name}' must create the table {known.CreatesTable}; the SQL given creates {script.CreatesTable ?? "no table"}.", nameof(sql));
        if (asOfDate is null) Prepare();
        var table = script.CreatesTable ?? throw new InvalidOperationException($"{script.Name} creates no table.");
        var input = FilterInput().Match(script.Sql) is { Success: true } m ? m.Groups[1].Value : null;
        Replace(table, null);
        var watch = Stopwatch.StartNew();
        engine.Execute(script.Sql);
        watch.Stop();
        var rows = Count(table);
        var result = new StepResult(script, table, rows, input is null ? null : Count(input), watch.Elapsed,
            engine.Query($"SELECT * FROM {table} ORDER BY 1 LIMIT {PreviewRows}"));
        // A step run again (its cell changed) replaces its earlier result; the results stay in step order.
        results.RemoveAll(r => r.Script.Name == script.Name);
        results.Add(result);
        results.Sort((a, b) => StepIndex(a).CompareTo(StepIndex(b)));
        return result;
    }

    /// <summary>Prepares, runs every step and returns the finished table.</summary>
    public RfmResult RunAll()
    {
        Prepare();
        foreach (var script in Steps) Run(script.Name);
        return Result();
    }

    /// <summary>The finished table, after every step has run (by <see cref="RunAll"/> or one <see cref="Run"/> at a time).</summary>
    public RfmResult Result()
    {
        var missing = Steps.Select(s => s.Name).Except(results.Select(r => r.Script.Name)).ToArray();
        if (missing.Length > 0) throw new InvalidOperationException($"Run the remaining steps first: {string.Join(", ", missing)}.");
        if (results[^1].Rows == 0)
            throw new SqlEngineException($"The RFM table is empty: no {source.Dataset} purchase before {AsOfDate:yyyy-MM-dd} survived the steps. " +
                                         string.Join("; ", results.Select(r => r.ToString())));
        return new RfmResult(AsOfDate, [.. results], Table(), engine.Query(SegmentSummarySql));
    }

    /// <summary>
    /// Writes the finished table to <paramref name="path"/>: CSV, or Parquet for a .parquet path (DuckDB only).
    /// Returns the full path. The CSV has a header row and invariant number formats.
    /// </summary>
    public string Save(string path)
    {
        var full = Path.GetFullPath(path);
        var table = results.Count > 0 ? results[^1].Table : throw new InvalidOperationException("Run the pipeline first.");
        var parquet = full.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
        if (parquet && engine is not WorkshopDatabase)
            throw new SqlEngineException($"Parquet export needs DuckDB; on {engine.Name} save as .csv (or UNLOAD to S3 on Redshift).");
        // Written to a temporary file and moved into place: a crash never leaves a half table for workshop 02.
        return AtomicFile.WriteFile(full, temporary =>
        {
            if (engine is WorkshopDatabase)
                engine.Execute($"COPY (SELECT * FROM {table} ORDER BY customer_unique_id) TO '{temporary.Replace("'", "''")}' ({(parquet ? "FORMAT PARQUET" : "FORMAT CSV, HEADER, DELIMITER ','")})");
            else
                DataFrame.SaveCsv(Table(), temporary, cultureInfo: CultureInfo.InvariantCulture);
        });
    }

    private void CheckInputs()
    {
        foreach (var (table, required) in source.RequiredColumns)
        {
            var found = engine.Columns(table);
            if (found.Count == 0)
                throw new SqlEngineException($"Table '{table}' not found in {engine.Name}: {source.LoadHint}.");
            var missing = required.Except(found).ToArray();
            if (missing.Length > 0)
                throw new SqlEngineException($"Table '{table}' lacks column(s) {string.Join(", ", missing)}. " +
                                             $"Expected at least: {string.Join(", ", required)}. Found: {string.Join(", ", found)}.");
            if (Count(table) == 0)
                throw new SqlEngineException($"Table '{table}' is empty: {source.LoadHint} and check its load report.");
        }
    }

    private (DateTime First, DateTime Last) PurchaseRange()
    {
        var range = engine.Query(source.PurchaseRange);
        if (range.Rows.Count == 0 || range.Columns[0][0] is not DateTime first || range.Columns[1][0] is not DateTime last)
        {
            var statuses = source == RfmSource.Olist
                ? " Statuses in the orders table: " + string.Join(", ", engine.Query("SELECT DISTINCT order_status FROM orders ORDER BY 1").Columns[0].Cast<object>()) + "."
                : "";
            throw new SqlEngineException($"No {source.Dataset} purchase qualifies for RFM (statuses: {string.Join(", ", options.OrderStatuses)}).{statuses}");
        }
        return (first, last);
    }

    private int StepIndex(StepResult result) => Steps.Select(s => s.Name).ToList().IndexOf(result.Script.Name);

    private long Count(string table) => engine.Count(table);

    private static string Quoted(string text) => $"'{text.Replace("'", "''")}'";

    private void Replace(string table, string? create)
    {
        engine.Execute($"DROP TABLE IF EXISTS {table}");
        if (create is not null) engine.Execute(create);
    }

    // Filtering steps read "SELECT * FROM <input> WHERE ...": their report shows how many rows they removed.
    [GeneratedRegex(@"SELECT \* FROM (\w+) WHERE", RegexOptions.IgnoreCase)]
    private static partial Regex FilterInput();

    /// <summary>The finished table of the last run as a DataFrame (after <see cref="RunAll"/> or the last step).</summary>
    public DataFrame Table() => engine.Query($"SELECT * FROM {results[^1].Table} ORDER BY customer_unique_id");
}

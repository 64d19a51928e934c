using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Exercises;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The checks of workshop 01's exercises: each runs the attendee's SQL text on this run's tables and compares it,
/// customer by customer, with the table the library's step made; then runs it on a made-up table (in a database of its
/// own) whose rows catch the usual slips. A correct query returns a line saying what passed; otherwise
/// <see cref="ExerciseCheckException"/> says in one sentence what is wrong.
/// </summary>
public static class RfmChecks
{
    /// <summary>Checks a query over <c>rfm_transactions</c> (one row per payment) giving <c>customer_unique_id</c>,
    /// <c>frequency</c> (orders) and <c>monetary_total</c> (spend): against step 3's <c>rfm</c> table for every
    /// customer, and on made-up payments where one order is paid in two or three parts.</summary>
    /// <param name="sql">The attendee's query text.</param>
    /// <param name="db">This run's database, after step 3.</param>
    /// <exception cref="ExerciseCheckException">A customer is missing, extra or has another value, or the query fails.</exception>
    public static string OrdersAndSpend(Func<string> sql, SqlEngine db)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(db);
        string[] columns = ["customer_unique_id", "frequency", "monetary_total"];
        const string advice = "count distinct orders (one order can have several payments) and add up every payment";
        var truth = Rows(db, "SELECT customer_unique_id, frequency, monetary_total FROM rfm", "step 3's rfm table", columns);
        Compare(Rows(db, Text(sql), "this run's rfm_transactions", columns), truth, "this run's rfm_transactions", advice, columns);
        using var madeUp = MadeUp(RfmCheckTables.Transactions);
        Compare(Rows(madeUp, Text(sql), RfmCheckTables.TransactionsName, columns), RfmCheckTables.TransactionsTruth, RfmCheckTables.TransactionsName, advice, columns);
        return $"Correct: your orders and spend equal step 3's for all {truth.Count:N0} customers, and the made-up payments (an order paid in parts) too.";
    }

    /// <summary>Checks a query over <c>rfm</c> giving <c>customer_unique_id</c> and <c>m_score</c>, M by rank in
    /// fifths with ties sharing the middle of their positions: against step 4's <c>rfm_scores</c> for every customer,
    /// and on made-up spend tables (ties across a fifth's edge, everyone equal, a count not divisible by five).</summary>
    /// <param name="sql">The attendee's query text.</param>
    /// <param name="db">This run's database, after step 4.</param>
    /// <exception cref="ExerciseCheckException">A customer is missing, extra or has another score, or the query fails.</exception>
    public static string MScore(Func<string> sql, SqlEngine db)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(db);
        string[] columns = ["customer_unique_id", "m_score"];
        const string advice = "line the customers up from least to most spend, give tied customers the middle of the positions they hold, and score 1 + the fifth that middle falls in";
        var truth = Rows(db, "SELECT customer_unique_id, m_score FROM rfm_scores", "step 4's rfm_scores table", columns);
        Compare(Rows(db, Text(sql), "this run's rfm table", columns), truth, "this run's rfm table", advice, columns);
        foreach (var (name, spends) in RfmCheckTables.Spends)
        {
            using var madeUp = MadeUp(RfmCheckTables.Rfm(spends));
            Compare(Rows(madeUp, Text(sql), name, columns), RfmCheckTables.MScores(spends), name, advice, columns);
        }
        return $"Correct: your M scores equal step 4's for all {truth.Count:N0} customers, and those of {RfmCheckTables.Spends.Length} made-up spend tables with ties.";
    }

    /// <summary>Checks a query over <c>retail_lines</c> giving <c>customer_id</c> and <c>net_spend</c> (purchases
    /// plus the customer's cancellations, non-product lines left out, only customers with a purchase): against step 4's
    /// <c>retail_net_spend</c> for every customer, and on made-up lines (a refunded postage, a return with no purchase,
    /// a line with no customer).</summary>
    /// <param name="sql">The attendee's query text.</param>
    /// <param name="db">This run's database, after the Online Retail steps 1 to 4.</param>
    /// <exception cref="ExerciseCheckException">A customer is missing, extra or has another value, or the query fails.</exception>
    public static string NetSpend(Func<string> sql, SqlEngine db)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(db);
        string[] columns = ["customer_id", "net_spend"];
        const string advice = "add the purchase and cancellation lines of each customer with at least one purchase, and nothing else (line_kind says what a line is)";
        var truth = Rows(db, "SELECT customer_unique_id AS customer_id, net_spend FROM retail_net_spend", "step 4's retail_net_spend table", columns);
        Compare(Rows(db, Text(sql), "this run's retail_lines", columns), truth, "this run's retail_lines", advice, columns);
        using var madeUp = MadeUp(RfmCheckTables.Lines);
        Compare(Rows(madeUp, Text(sql), RfmCheckTables.LinesName, columns), RfmCheckTables.LinesTruth, RfmCheckTables.LinesName, advice, columns);
        return $"Correct: your net spend equals step 4's for all {truth.Count:N0} customers, and the made-up lines too.";
    }

    // The attendee's function may still be its TODO: that goes through as it is.
    private static string Text(Func<string> sql) => sql();

    private static WorkshopDatabase MadeUp(string createStatements)
    {
        var db = new WorkshopDatabase();
        db.Execute(createStatements);
        return db;
    }

    /// <summary>The query's rows keyed by their first column, the other columns as numbers.</summary>
    private static Dictionary<string, double[]> Rows(SqlEngine db, string sql, string input, string[] columns)
    {
        try
        {
            using var command = db.Connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).ToLowerInvariant()).ToArray();
            if (columns.FirstOrDefault(c => !names.Contains(c)) is { } missing)
                throw new ExerciseCheckException($"On {input} your query gives the columns {string.Join(", ", names)} but not {missing}: name the columns {string.Join(", ", columns)} (with AS).");
            var at = columns.Select(c => Array.IndexOf(names, c)).ToArray();
            var rows = new Dictionary<string, double[]>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var key = reader.IsDBNull(at[0]) ? "NULL" : Convert.ToString(reader.GetValue(at[0]), CultureInfo.InvariantCulture)!;
                var values = at.Skip(1).Select(i => reader.IsDBNull(i) ? double.NaN : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
                if (!rows.TryAdd(key, values))
                    throw new ExerciseCheckException($"On {input} your query gives customer {key} more than once: one row per customer (GROUP BY the customer).");
            }
            return rows;
        }
        catch (Exception e) when (e is not ExerciseCheckException and not ExerciseNotDoneException)
        {
            throw new ExerciseCheckException($"On {input} your query fails ({e.Message.Split('\n')[0].TrimEnd('.')}): it must run on DuckDB as it is.");
        }
    }

    private static void Compare(Dictionary<string, double[]> given, IReadOnlyDictionary<string, double[]> truth, string input, string advice, string[] columns)
    {
        string Show(double[] values) => string.Join(", ", values.Select((v, i) => $"{columns[i + 1]} {v.ToString("0.##", CultureInfo.InvariantCulture)}"));
        if (truth.Keys.FirstOrDefault(k => !given.ContainsKey(k)) is { } missing)
            throw new ExerciseCheckException($"On {input} your query leaves out customer {missing}, who should have {Show(truth[missing])}: {advice}.");
        if (given.Keys.FirstOrDefault(k => !truth.ContainsKey(k)) is { } extra)
            throw new ExerciseCheckException($"On {input} your query gives customer {extra}, who should not be there: {advice}.");
        foreach (var (key, expected) in truth.OrderBy(t => t.Key, StringComparer.Ordinal))
            if (expected.Zip(given[key]).Any(p => !(Math.Abs(p.First - p.Second) <= 0.005)))
                throw new ExerciseCheckException($"On {input} your query gives customer {key} {Show(given[key])} where it should be {Show(expected)}: {advice}.");
    }
}

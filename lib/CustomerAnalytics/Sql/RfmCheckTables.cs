using System.Globalization;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The made-up tables <see cref="RfmChecks"/> runs the attendee's SQL on, each with the answer it must give: small,
/// shaped like the library's step tables, and holding the rows that catch the usual slips (an order paid in parts,
/// ties across a fifth's edge, a refunded postage, a return with no purchase, a line with no customer).
/// </summary>
internal static class RfmCheckTables
{
    internal const string TransactionsName = "made-up payments (one order paid in two parts, one in three)";

    /// <summary>rfm_transactions: anna has two orders, the first paid in two parts; ben one order paid in three.</summary>
    internal const string Transactions = """
        CREATE TABLE rfm_transactions (order_id VARCHAR, customer_unique_id VARCHAR, purchased_at TIMESTAMP,
                                       payment_sequential INTEGER, payment_value DOUBLE);
        INSERT INTO rfm_transactions VALUES
            ('o1', 'anna', TIMESTAMP '2018-01-05 10:00:00', 1, 30.0),
            ('o1', 'anna', TIMESTAMP '2018-01-05 10:00:00', 2, 20.0),
            ('o2', 'anna', TIMESTAMP '2018-03-01 09:30:00', 1, 50.0),
            ('o3', 'ben', TIMESTAMP '2018-02-01 12:00:00', 1, 10.0),
            ('o3', 'ben', TIMESTAMP '2018-02-01 12:00:00', 2, 10.0),
            ('o3', 'ben', TIMESTAMP '2018-02-01 12:00:00', 3, 5.0),
            ('o4', 'carl', TIMESTAMP '2018-04-11 18:45:00', 1, 70.0);
        """;

    internal static IReadOnlyDictionary<string, double[]> TransactionsTruth => new Dictionary<string, double[]>
    {
        ["anna"] = [2, 100], ["ben"] = [1, 25], ["carl"] = [1, 70],
    };

    /// <summary>Made-up spends (customers in table order) at the score's edges.</summary>
    internal static (string Name, double[] Spends)[] Spends =>
    [
        ("a made-up rfm table of 10 customers, 6 of them tied at the lowest spend", [5, 5, 5, 5, 5, 5, 20, 30, 40, 50]),
        ("a made-up rfm table of 7 customers in no order of spend", [70, 10, 40, 20, 60, 30, 50]),
        ("a made-up rfm table of 4 customers who all spent the same", [25, 25, 25, 25]),
        ("a made-up rfm table of 11 customers, 5 tied in the middle and 2 at the top", [1, 2, 3, 4, 90, 90, 90, 90, 90, 100, 100]),
    ];

    private static string Id(int i) => "m" + ((i * 7 + 3) % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>An rfm table with these spends; recency and frequency run against spend, so using them shows.</summary>
    internal static string Rfm(double[] spends) =>
        "CREATE TABLE rfm (customer_unique_id VARCHAR, recency_days INTEGER, frequency BIGINT, monetary_total DOUBLE, monetary_avg DOUBLE);\n" +
        "INSERT INTO rfm VALUES " + string.Join(", ", spends.Select((m, i) => string.Create(CultureInfo.InvariantCulture,
            $"('{Id(i)}', {10 * i + 3}, {1 + i % 3}, {m}, {m / (1 + i % 3)})"))) + ";";

    /// <summary>M by rank in fifths: customers with the same spend share the middle of the positions they hold
    /// (2 x middle = 2 x worse + tied - 1), and the score is 1 + floor(5 x middle / n), at most 5.</summary>
    internal static IReadOnlyDictionary<string, double[]> MScores(double[] spends) =>
        spends.Select((m, i) => (Id: Id(i), Score: Math.Min(5, 1 + 5 * (2 * spends.Count(s => s < m) + spends.Count(s => s == m) - 1) / (2 * spends.Length))))
            .ToDictionary(c => c.Id, c => new double[] { c.Score });

    internal const string LinesName = "made-up retail_lines (a refunded postage, a return with no purchase, a line with no customer)";

    /// <summary>retail_lines as step 1 makes them: 12345 buys twice, returns once and pays postage; 12346 returns all
    /// they bought; 12347 only returns; 12348 has a postage refund on a C invoice; 12349 only a manual charge.</summary>
    internal const string Lines = """
        CREATE TABLE retail_lines (invoice_no VARCHAR, stock_code VARCHAR, customer_id VARCHAR, invoiced_at TIMESTAMP,
                                   line_value DOUBLE, line_kind VARCHAR);
        INSERT INTO retail_lines VALUES
            ('536365', '85123A', '12345', TIMESTAMP '2010-12-01 08:26:00', 20.0, 'purchase'),
            ('536365', '71053', '12345', TIMESTAMP '2010-12-01 08:26:00', 10.0, 'purchase'),
            ('536365', 'POST', '12345', TIMESTAMP '2010-12-01 08:26:00', 18.0, 'non-product'),
            ('536400', '22752', '12345', TIMESTAMP '2010-12-03 11:00:00', 15.0, 'purchase'),
            ('C536401', '22752', '12345', TIMESTAMP '2010-12-04 09:00:00', -5.0, 'cancellation'),
            ('536410', '21730', '12346', TIMESTAMP '2010-12-02 10:00:00', 30.0, 'purchase'),
            ('C536411', '21730', '12346', TIMESTAMP '2010-12-05 10:00:00', -30.0, 'cancellation'),
            ('C536420', '22633', '12347', TIMESTAMP '2010-12-02 14:00:00', -12.0, 'cancellation'),
            ('536430', '84406B', NULL, TIMESTAMP '2010-12-02 15:00:00', 99.0, 'purchase'),
            ('536440', '22960', '12348', TIMESTAMP '2010-12-06 16:00:00', 25.0, 'purchase'),
            ('C536441', 'POST', '12348', TIMESTAMP '2010-12-07 16:00:00', -5.0, 'non-product'),
            ('536450', '22961', '12348', TIMESTAMP '2010-12-08 10:00:00', 0.0, 'adjustment'),
            ('536460', 'M', '12349', TIMESTAMP '2010-12-08 12:00:00', 50.0, 'non-product');
        """;

    internal static IReadOnlyDictionary<string, double[]> LinesTruth => new Dictionary<string, double[]>
    {
        ["12345"] = [40], ["12346"] = [0], ["12348"] = [25],
    };
}

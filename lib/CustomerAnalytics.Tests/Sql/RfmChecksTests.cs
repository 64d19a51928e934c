using CustomerAnalytics.Data;
using CustomerAnalytics.Exercises;
using CustomerAnalytics.Sql;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>The Olist and Online Retail samples after the library's RFM steps, as the notebook has them at each check.</summary>
public sealed class RfmChecksDatabases : IDisposable
{
    public WorkshopDatabase Olist { get; } = new();
    public WorkshopDatabase Retail { get; } = new();

    public RfmChecksDatabases()
    {
        DatasetLoader.LoadOlist(Olist, Path.Combine(RepositoryPaths.Data, "olist"));
        RfmPipeline.ForOlist(Olist).RunAll();
        DatasetLoader.LoadOnlineRetail(Retail, Path.Combine(RepositoryPaths.Data, "online-retail", "online_retail.csv"));
        RfmPipeline.ForOnlineRetail(Retail).RunAll();
    }

    public void Dispose()
    {
        Olist.Dispose();
        Retail.Dispose();
    }
}

/// <summary>
/// Workshop 01's exercise checks: the notebook's solutions pass (and obey Redshift's documented rules); each usual
/// slip, written here on purpose, gets the check's sentence; a query left as its TODO stops with the TODO.
/// </summary>
public sealed class RfmChecksTests(RfmChecksDatabases databases) : IClassFixture<RfmChecksDatabases>
{
    // The notebook's solutions, as an attendee would write them.
    internal const string OrdersAndSpend = """
        SELECT customer_unique_id,
               COUNT(DISTINCT order_id) AS frequency,
               SUM(payment_value) AS monetary_total
        FROM rfm_transactions
        GROUP BY customer_unique_id
        """;

    internal const string MScore = """
        WITH positions AS (
            SELECT customer_unique_id,
                   RANK() OVER (ORDER BY monetary_total) - 1 AS worse,
                   COUNT(*) OVER (PARTITION BY monetary_total) AS tied,
                   COUNT(*) OVER () AS n
            FROM rfm)
        SELECT customer_unique_id, 1 + FLOOR(5.0 * (2 * worse + tied - 1) / (2 * n)) AS m_score
        FROM positions
        """;

    internal const string NetSpend = """
        SELECT customer_id,
               SUM(CASE WHEN line_kind IN ('purchase', 'cancellation') THEN line_value ELSE 0 END) AS net_spend
        FROM retail_lines
        WHERE customer_id IS NOT NULL
        GROUP BY customer_id
        HAVING SUM(CASE WHEN line_kind = 'purchase' THEN 1 ELSE 0 END) > 0
        """;

    [Fact]
    public void The_solutions_pass_every_check_and_obey_redshifts_rules()
    {
        Assert.StartsWith("Correct: your orders and spend equal step 3's for all ", RfmChecks.OrdersAndSpend(() => OrdersAndSpend, databases.Olist));
        Assert.StartsWith("Correct: your M scores equal step 4's for all ", RfmChecks.MScore(() => MScore, databases.Olist));
        Assert.StartsWith("Correct: your net spend equals step 4's for all ", RfmChecks.NetSpend(() => NetSpend, databases.Retail));
        Assert.All([OrdersAndSpend, MScore, NetSpend], sql => Assert.Empty(SqlPortabilityTests.Problems(sql)));
    }

    public static TheoryData<string, string> WrongOrdersAndSpend => new()
    {
        // payments counted as orders
        { "gives customer", "SELECT customer_unique_id, COUNT(*) AS frequency, SUM(payment_value) AS monetary_total FROM rfm_transactions GROUP BY customer_unique_id" },
        // the last payment's number taken for the orders
        { "gives customer", "SELECT customer_unique_id, COUNT(DISTINCT order_id) AS frequency, MAX(payment_value) AS monetary_total FROM rfm_transactions GROUP BY customer_unique_id" },
        // only the first payment of each order
        { "gives customer", "SELECT customer_unique_id, COUNT(*) AS frequency, SUM(payment_value) AS monetary_total FROM rfm_transactions WHERE payment_sequential = 1 GROUP BY customer_unique_id" },
        // one row per order, not per customer
        { "more than once", "SELECT customer_unique_id, 1 AS frequency, SUM(payment_value) AS monetary_total FROM rfm_transactions GROUP BY customer_unique_id, order_id" },
        // columns not named
        { "but not frequency", "SELECT customer_unique_id, COUNT(DISTINCT order_id), SUM(payment_value) FROM rfm_transactions GROUP BY customer_unique_id" },
    };

    [Theory, MemberData(nameof(WrongOrdersAndSpend))]
    public void A_wrong_orders_and_spend_query_gets_the_sentence(string saying, string sql)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => RfmChecks.OrdersAndSpend(() => sql, databases.Olist));
        Assert.StartsWith("On ", e.WhatIsWrong);
        Assert.Contains(saying, e.WhatIsWrong);
        Assert.EndsWith(".", e.WhatIsWrong);
    }

    public static TheoryData<string, string> WrongMScores => new()
    {
        // NTILE splits tied customers between scores
        { "this run's rfm table", "SELECT customer_unique_id, NTILE(5) OVER (ORDER BY monetary_total) AS m_score FROM rfm" },
        // the direction reversed: most spend gets 1
        { "this run's rfm table", "SELECT customer_unique_id, 6 - (1 + FLOOR(5.0 * (2 * (RANK() OVER (ORDER BY monetary_total) - 1) + COUNT(*) OVER (PARTITION BY monetary_total) - 1) / (2 * COUNT(*) OVER ()))) AS m_score FROM rfm" },
        // ties at the first of their positions, not the middle
        { "", "SELECT customer_unique_id, 1 + FLOOR(5.0 * (RANK() OVER (ORDER BY monetary_total) - 1) / COUNT(*) OVER ()) AS m_score FROM rfm" },
        // every row its own position
        { "", "SELECT customer_unique_id, 1 + FLOOR(5.0 * (ROW_NUMBER() OVER (ORDER BY monetary_total, customer_unique_id) - 1) / COUNT(*) OVER ()) AS m_score FROM rfm" },
        // min-max scaling instead of ranks
        { "", "SELECT customer_unique_id, LEAST(5, 1 + FLOOR(5 * (monetary_total - MIN(monetary_total) OVER ()) / (MAX(monetary_total) OVER () - MIN(monetary_total) OVER ()))) AS m_score FROM rfm" },
    };

    [Theory, MemberData(nameof(WrongMScores))]
    public void A_wrong_m_score_gets_the_sentence_naming_the_table_the_customer_and_both_scores(string table, string sql)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => RfmChecks.MScore(() => sql, databases.Olist));
        Assert.Matches(@"^On .+ your query gives customer \S+ m_score \d where it should be m_score \d: line the customers up from least to most spend, give tied customers the middle of the positions they hold, and score 1 \+ the fifth that middle falls in\.$", e.WhatIsWrong);
        Assert.StartsWith("On " + table, e.WhatIsWrong);
    }

    [Fact]
    public void The_made_up_m_scores_are_the_ones_worked_out_by_hand()
    {
        // Six tied at the lowest spend share the middle of positions 0-5 (2.5 of 10: the second fifth).
        var scores = RfmCheckTables.MScores([5, 5, 5, 5, 5, 5, 20, 30, 40, 50]);
        Assert.Equal([2, 2, 2, 2, 2, 2, 4, 4, 5, 5], scores.Values.Select(s => (int)s[0]));
        // Four equal: the middle of positions 0-3 is 1.5, and 5 x 1.5 / 4 falls in the second fifth.
        Assert.All(RfmCheckTables.MScores([25, 25, 25, 25]).Values, s => Assert.Equal(2, s[0]));
    }

    public static TheoryData<string, string> WrongNetSpends => new()
    {
        // every line, postage and fees included
        { "gives customer", "SELECT customer_id, SUM(line_value) AS net_spend FROM retail_lines WHERE customer_id IS NOT NULL GROUP BY customer_id" },
        // returns not subtracted
        { "", "SELECT customer_id, SUM(line_value) AS net_spend FROM retail_lines WHERE line_kind = 'purchase' AND customer_id IS NOT NULL GROUP BY customer_id" },
        // customers with only a return kept
        { "", "SELECT customer_id, SUM(line_value) AS net_spend FROM retail_lines WHERE line_kind IN ('purchase', 'cancellation') AND customer_id IS NOT NULL GROUP BY customer_id" },
        // a C invoice taken as a return whatever it holds (a refunded postage)
        { "gives customer", "SELECT customer_id, SUM(CASE WHEN line_kind = 'purchase' OR invoice_no LIKE 'C%' THEN line_value ELSE 0 END) AS net_spend FROM retail_lines WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING SUM(CASE WHEN line_kind = 'purchase' THEN 1 ELSE 0 END) > 0" },
        // lines with no customer kept as one more customer
        { "gives customer NULL", "SELECT customer_id, SUM(CASE WHEN line_kind IN ('purchase', 'cancellation') THEN line_value ELSE 0 END) AS net_spend FROM retail_lines GROUP BY customer_id HAVING SUM(CASE WHEN line_kind = 'purchase' THEN 1 ELSE 0 END) > 0" },
    };

    [Theory, MemberData(nameof(WrongNetSpends))]
    public void A_wrong_net_spend_gets_the_sentence(string saying, string sql)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => RfmChecks.NetSpend(() => sql, databases.Retail));
        Assert.StartsWith("On ", e.WhatIsWrong);
        Assert.Contains(saying, e.WhatIsWrong);
        Assert.EndsWith("add the purchase and cancellation lines of each customer with at least one purchase, and nothing else (line_kind says what a line is).", e.WhatIsWrong);
    }

    [Fact]
    public void A_query_left_as_its_todo_stops_with_the_todo_and_one_that_fails_gets_a_sentence()
    {
        Assert.Throws<ExerciseNotDoneException>(() => RfmChecks.MScore(() => Exercise.Todo<string>("write the M score"), databases.Olist));
        var e = Assert.Throws<ExerciseCheckException>(() => RfmChecks.NetSpend(() => "SELECT customer_id, net_spend FROM no_such_table", databases.Retail));
        Assert.Matches(@"^On this run's retail_lines your query fails \(.*no_such_table.*\): it must run on DuckDB as it is\.$", e.WhatIsWrong);
    }
}

using System.Text.RegularExpressions;

namespace CustomerAnalytics.Tests.Sql;

/// <summary>
/// The RFM steps run as written on DuckDB and PostgreSQL (the cross-engine tests run both); Redshift cannot run
/// here, so each step is checked against its documented rules instead: an aggregate window function with ORDER BY
/// names its frame with ROWS (Redshift has no RANGE or GROUPS frames and requires the frame clause), and every
/// function called is one that DuckDB, PostgreSQL and Redshift all document.
/// </summary>
public sealed partial class SqlPortabilityTests
{
    /// <summary>Functions (and keywords used like functions) that all three engines document with the same meaning.</summary>
    private static readonly HashSet<string> Portable = new(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "MIN", "MAX", "AVG", "CAST", "COALESCE", "NULLIF", "ROUND", "FLOOR", "CEIL", "ABS",
        "UPPER", "LOWER", "TRIM", "LENGTH", "ROW_NUMBER", "RANK", "DENSE_RANK", "OVER", "IN", "EXISTS", "AS", "ON", "USING",
    };

    private static readonly string[] Aggregates = ["COUNT", "SUM", "MIN", "MAX", "AVG"];

    public static TheoryData<string> Steps() => new(Directory
        .EnumerateFiles(Path.Combine(RepositoryPaths.Root, "lib", "CustomerAnalytics", "Sql"), "*.sql", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)).Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(Steps))]
    public void Each_step_obeys_redshifts_documented_rules(string step)
    {
        Assert.Empty(Problems(File.ReadAllText(Path.Combine(RepositoryPaths.Root, step))));
    }

    [Fact]
    public void The_rules_find_a_window_without_frame_a_range_frame_and_an_engine_only_function()
    {
        var problems = Problems("""
            -- a comment with SUM(x) OVER (ORDER BY y) is not code
            SELECT SUM(COUNT(*)) OVER (ORDER BY r DESC) AS a,
                   AVG(m) OVER (PARTITION BY c ORDER BY d RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS b,
                   ROW_NUMBER() OVER (ORDER BY r) AS c, strftime(d, '%Y') AS e
            FROM t
            """);

        Assert.Equal(
        [
            "SUM(...) OVER (ORDER BY r DESC): an aggregate window with ORDER BY needs an explicit ROWS frame on Redshift",
            "AVG(...) OVER (PARTITION BY c ORDER BY d RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW): Redshift has ROWS frames only",
            "strftime(...): not a function all of DuckDB, PostgreSQL and Redshift document",
        ], problems);
    }

    /// <summary>Every broken rule in <paramref name="sql"/>, one sentence each.</summary>
    internal static List<string> Problems(string sql)
    {
        var code = Comment().Replace(sql, "");
        var problems = new List<string>();
        foreach (Match window in Window().Matches(code))
        {
            var (function, clause) = (window.Groups[1].Value.ToUpperInvariant(), window.Groups[2].Value.Trim());
            var upper = clause.ToUpperInvariant();
            if (upper.Contains(" RANGE ", StringComparison.Ordinal) || upper.Contains(" GROUPS ", StringComparison.Ordinal))
                problems.Add($"{function}(...) OVER ({clause}): Redshift has ROWS frames only");
            else if (Aggregates.Contains(function) && upper.Contains("ORDER BY", StringComparison.Ordinal) && !upper.Contains(" ROWS ", StringComparison.Ordinal))
                problems.Add($"{function}(...) OVER ({clause}): an aggregate window with ORDER BY needs an explicit ROWS frame on Redshift");
        }
        foreach (var function in Call().Matches(code).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase))
            if (!Portable.Contains(function))
                problems.Add($"{function}(...): not a function all of DuckDB, PostgreSQL and Redshift document");
        return problems;
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    // The function before OVER (its arguments may nest one level: SUM(COUNT(*))) and the window clause.
    [GeneratedRegex(@"\b(\w+)\((?:[^()]|\([^()]*\))*\)\s+OVER\s*\(([^()]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Window();

    // A name followed by an opening parenthesis: a function call (or a keyword that takes one).
    [GeneratedRegex(@"\b([A-Za-z_]\w*)\s*\(")]
    private static partial Regex Call();
}

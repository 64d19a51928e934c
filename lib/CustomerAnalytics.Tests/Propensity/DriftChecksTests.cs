using CustomerAnalytics.Exercises;
using CustomerAnalytics.Propensity.Data;
using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>
/// Workshop 06's exercise checks: the notebook's solutions pass; each usual slip, written here on purpose, gets the
/// check's sentence; a function left as its TODO stops with the TODO.
/// </summary>
public sealed class DriftChecksTests
{
    private static readonly double[] BaselineShares = [0.85, 0.15];
    private static readonly double[] BatchShares = [1.0, 0.0];

    // A batch of 100 rows: feature 1 drifted to normal-looking numbers in every other row.
    private static readonly SessionInput[] Batch = Enumerable.Range(0, 100).Select(i =>
    {
        var row = new SessionInput();
        row.Features[0] = i % 3 == 0 ? 1f : 0f;
        row.Features[1] = i % 2 == 0 ? -1.5f - i : 1f;   // what a broken job might send
        return row;
    }).ToArray();

    private static readonly DriftReport Report = new("drifted", 3600, 6000,
    [
        new FeatureDrift("basket_add_list", 0.3, 0.0, 3.0, 900, 1e-30, true),
        new FeatureDrift("loc_uk", 0.5, 0.0, 4.0, 1500, 1e-40, true),
        new FeatureDrift("sign_in", 0.2, 0.21, 0.001, 1.2, 0.27, false),
        new FeatureDrift("sort_by", 0.2, 0.26, 0.02, 20, 0.0001, false),
    ], new ScoreDrift(0.1, 0.05, 0.5, 0.3, 1e-10, true), DriftThresholds.Default);

    // The notebook's solutions, as an attendee would write them.
    private static double Psi(IReadOnlyList<double> expected, IReadOnlyList<double> actual) =>
        Enumerable.Range(0, expected.Count).Sum(i =>
        {
            double e = Math.Max(expected[i], 1e-4), a = Math.Max(actual[i], 1e-4);
            return (a - e) * Math.Log(a / e);
        });

    private static double NotAFlagShare(IReadOnlyList<SessionInput> batch, int feature) =>
        (double)batch.Count(r => r.Features[feature] != 0f && r.Features[feature] != 1f) / batch.Count;

    private static IEnumerable<string> Violations(DriftReport report, double psiThreshold, double alpha) =>
        report.Features.Where(f => f.Psi >= psiThreshold && f.PValue < alpha / report.Features.Count).Select(f => f.Feature);

    [Fact]
    public void The_solutions_pass_every_check()
    {
        Assert.StartsWith("Correct: your PSI is ", DriftChecks.Psi(Psi, BaselineShares, BatchShares));
        Assert.Equal("Correct: your share is 0.5 on this run's batch and right on 3 made-up cases, a NaN among them.", DriftChecks.NotAFlagShare(NotAFlagShare, Batch, 1));
        Assert.StartsWith("Correct: you flag the features the monitor's rule flags at 5 settings", DriftChecks.Violations(Violations, Report));
    }

    public static TheoryData<string, Func<IReadOnlyList<double>, IReadOnlyList<double>, double>> WrongPsis => new()
    {
        // no floor: the empty bin makes it infinite or NaN
        { "this run's feature", (e, a) => Enumerable.Range(0, e.Count).Sum(i => (a[i] - e[i]) * Math.Log(a[i] / e[i])) },
        // the ratio upside down
        { "this run's feature", (e, a) => Enumerable.Range(0, e.Count).Sum(i => (Math.Max(a[i], 1e-4) - Math.Max(e[i], 1e-4)) * Math.Log(Math.Max(e[i], 1e-4) / Math.Max(a[i], 1e-4))) },
        // only the first bin (the rate of 1s read as the whole distribution)
        { "this run's feature", (e, a) => (Math.Max(a[1], 1e-4) - e[1]) * Math.Log(Math.Max(a[1], 1e-4) / e[1]) },
    };

    [Theory, MemberData(nameof(WrongPsis))]
    public void A_wrong_psi_gets_the_sentence(string where, Func<IReadOnlyList<double>, IReadOnlyList<double>, double> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => DriftChecks.Psi(wrong, BaselineShares, BatchShares));
        Assert.Matches(@"^On .+ your PSI is \S+ where it is \S+: sum over the bins \(batch share - baseline share\) \* ln\(batch share / baseline share\), each share below 0\.0001 raised to 0\.0001 first\.$", e.WhatIsWrong);
        Assert.StartsWith("On " + where, e.WhatIsWrong);
    }

    public static TheoryData<string, Func<IReadOnlyList<SessionInput>, int, double>> WrongShares => new()
    {
        // NaN compares unequal to everything, but a "not between 0 and 1" test lets it through
        { "made-up rows whose first feature", (b, f) => (double)b.Count(r => r.Features[f] < 0f || r.Features[f] > 1f) / b.Count },
        // a count, not a share
        { "this run's batch", (b, f) => b.Count(r => r.Features[f] is not (0f or 1f)) },
        // the share of values that are not 1
        { "made-up rows whose first feature", (b, f) => (double)b.Count(r => r.Features[f] != 1f) / b.Count },
    };

    [Theory, MemberData(nameof(WrongShares))]
    public void A_wrong_share_gets_the_sentence(string where, Func<IReadOnlyList<SessionInput>, int, double> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => DriftChecks.NotAFlagShare(wrong, Batch, 1));
        Assert.Matches(@"^On .+ your share is \S+ where it is \S+ \(\d+ of \d+ rows\): count the rows whose value of the feature is neither 0 nor 1 \(a NaN counts, it is missing\) and divide by all the rows\.$", e.WhatIsWrong);
        Assert.StartsWith("On " + where, e.WhatIsWrong);
    }

    public static TheoryData<string, Func<DriftReport, double, double, IEnumerable<string>>> WrongViolations => new()
    {
        // PSI alone
        { "a made-up report", (r, p, _) => r.Features.Where(f => f.Psi >= p).Select(f => f.Feature) },
        // alpha without the Bonferroni division
        { "a made-up report", (r, p, a) => r.Features.Where(f => f.Psi >= p && f.PValue < a).Select(f => f.Feature) },
        // strictly above the threshold
        { "a made-up report", (r, p, a) => r.Features.Where(f => f.Psi > p && f.PValue < a / r.Features.Count).Select(f => f.Feature) },
    };

    [Theory, MemberData(nameof(WrongViolations))]
    public void Wrong_violations_get_the_sentence(string where, Func<DriftReport, double, double, IEnumerable<string>> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => DriftChecks.Violations(wrong, Report));
        Assert.Matches(@"^On .+ with PSI threshold \S+ and alpha \S+ you flag \[.*\] where the rule flags \[.*\]: a feature is flagged when its PSI is at or above the threshold and its p-value is below alpha divided by the number of features \(\d+\)\.$", e.WhatIsWrong);
        Assert.StartsWith("On " + where, e.WhatIsWrong);
    }

    [Fact]
    public void A_function_left_as_its_todo_stops_with_the_todo_and_one_that_throws_gets_a_sentence()
    {
        var todo = Assert.Throws<ExerciseNotDoneException>(() => DriftChecks.Psi((_, _) => Exercise.Todo<double>("compute the PSI"), BaselineShares, BatchShares));
        Assert.Contains("compute the PSI", todo.Message);
        Assert.Throws<ExerciseNotDoneException>(() => DriftChecks.NotAFlagShare((_, _) => Exercise.Todo<double>("share"), Batch, 1));
        Assert.Throws<ExerciseNotDoneException>(() => DriftChecks.Violations((_, _, _) => Exercise.Todo<IEnumerable<string>>("flag"), Report));
        var e = Assert.Throws<ExerciseCheckException>(() => DriftChecks.NotAFlagShare((b, f) => b[1000].Features[f], Batch, 1));
        Assert.Matches(@"^On this run's batch your function throws \w+Exception \(.+\): it must give an answer for every such input\.$", e.WhatIsWrong);
    }
}

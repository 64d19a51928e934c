using CustomerAnalytics.Exercises;
using CustomerAnalytics.Monitoring.Data;
using CustomerAnalytics.Monitoring.Evaluation;

namespace CustomerAnalytics.Tests.Monitoring;

/// <summary>
/// Workshop 06's monitoring exercise checks: the notebook's solutions pass; each usual slip, written here on purpose,
/// gets the check's sentence; a function left as its TODO stops with the TODO.
/// </summary>
public sealed class MonitoringChecksTests
{
    // A flag's baseline (a quarter of 1s) and a window where half the values became numbers between the flags.
    private static readonly double[] Baseline = Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? 1.0 : 0.0).ToArray();
    private static readonly double[] Window = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? i / 100.0 - 0.5 : 0.0).ToArray();

    private static readonly IReadOnlyList<MonitoredRow> Rows = MonitoredRow.FromRequest(
        """{"sessions": [{"x": 1}, {"x": 0}, {"x": null}, {"y": 1}]}""", new HashSet<string>());

    // The notebook's solutions, as an attendee would write them.
    private static double LInfinity(IReadOnlyList<double> baseline, IReadOnlyList<double> window) =>
        baseline.Concat(window).Distinct().Max(x =>
            Math.Abs((double)baseline.Count(v => v <= x) / baseline.Count - (double)window.Count(v => v <= x) / window.Count));

    private static double Completeness(IReadOnlyList<MonitoredRow> window, string feature) =>
        (double)window.Count(r => r.Fields.TryGetValue(feature, out var v) && v.IsPresent) / window.Count;

    [Fact]
    public void The_solutions_pass_every_check()
    {
        var right = DistributionDistance.Numeric(Baseline.Order().ToArray(), Baseline.Length, Window).Simple;
        Assert.Equal(FormattableString.Invariant($"Correct: your L-infinity distance is {right:G4} on this run's feature and right on 4 made-up cases."),
            MonitoringChecks.LInfinity(LInfinity, Baseline, Window));
        Assert.Equal("Correct: your completeness of x is 0.5 on this run's window and right on 3 made-up cases, a null and an absent field among them.",
            MonitoringChecks.Completeness(Completeness, Rows, "x"));
    }

    public static TheoryData<string, Func<IReadOnlyList<double>, IReadOnlyList<double>, double>> WrongDistances => new()
    {
        // the gap of the means, not of the distributions
        { "this run's feature", (b, w) => Math.Abs(b.Average() - w.Average()) },
        // the gap only at the baseline's values: a window value between them is never looked at
        { "this run's feature", (b, w) => b.Distinct().Max(x => Math.Abs((double)b.Count(v => v <= x) / b.Count - (double)w.Count(v => v <= x) / w.Count)) },
        // counts, not shares
        { "this run's feature", (b, w) => b.Concat(w).Distinct().Max(x => Math.Abs(b.Count(v => v <= x) - (double)w.Count(v => v <= x))) },
    };

    [Theory, MemberData(nameof(WrongDistances))]
    public void A_wrong_distance_gets_the_sentence(string where, Func<IReadOnlyList<double>, IReadOnlyList<double>, double> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => MonitoringChecks.LInfinity(wrong, Baseline, Window));
        Assert.Matches(@"^On .+ your distance is \S+ where it is \S+: at every value either side has, take the gap between the share of baseline values at or below it and the share of window values at or below it; the distance is the largest gap\.$", e.WhatIsWrong);
        Assert.StartsWith("On " + where, e.WhatIsWrong);
    }

    public static TheoryData<string, Func<IReadOnlyList<MonitoredRow>, string, double>> WrongCompleteness => new()
    {
        // a field that is there but null counted as present
        { "this run's window", (w, f) => (double)w.Count(r => r.Fields.ContainsKey(f)) / w.Count },
        // a count, not a share
        { "this run's window", (w, f) => w.Count(r => r.Fields.TryGetValue(f, out var v) && v.IsPresent) },
        // the share among the rows that have the field
        { "this run's window", (w, f) => (double)w.Count(r => r.Fields.TryGetValue(f, out var v) && v.IsPresent) / Math.Max(1, w.Count(r => r.Fields.ContainsKey(f))) },
    };

    [Theory, MemberData(nameof(WrongCompleteness))]
    public void A_wrong_completeness_gets_the_sentence(string where, Func<IReadOnlyList<MonitoredRow>, string, double> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => MonitoringChecks.Completeness(wrong, Rows, "x"));
        Assert.Matches(@"^On .+ your completeness of \w+ is \S+ where it is \S+: count the rows whose Fields hold \w+ with a value that IsPresent \(no field, or null, is missing\) and divide by all the rows\.$", e.WhatIsWrong);
        Assert.StartsWith("On " + where, e.WhatIsWrong);
    }

    [Fact]
    public void A_function_left_as_its_todo_stops_with_the_todo_and_one_that_throws_gets_a_sentence()
    {
        var todo = Assert.Throws<ExerciseNotDoneException>(() => MonitoringChecks.LInfinity((_, _) => Exercise.Todo<double>("compute the L-infinity distance"), Baseline, Window));
        Assert.Contains("compute the L-infinity distance", todo.Message);
        Assert.Throws<ExerciseNotDoneException>(() => MonitoringChecks.Completeness((_, _) => Exercise.Todo<double>("completeness"), Rows, "x"));
        var e = Assert.Throws<ExerciseCheckException>(() => MonitoringChecks.Completeness((w, _) => w[1000].Fields.Count, Rows, "x"));
        Assert.Matches(@"^On this run's window your function throws \w+Exception \(.+\): it must give an answer for every such input\.$", e.WhatIsWrong);
    }
}

using System.Globalization;
using CustomerAnalytics.Exercises;
using CustomerAnalytics.Monitoring.Data;

namespace CustomerAnalytics.Monitoring.Evaluation;

/// <summary>
/// The checks of workshop 06's monitoring exercises: each calls the attendee's function on this run's data and on
/// made-up inputs whose answer is known, compares it with what the monitoring job computes, returns a line saying what
/// passed, and otherwise throws <see cref="ExerciseCheckException"/> with one sentence saying what is wrong.
/// </summary>
public static class MonitoringChecks
{
    /// <summary>Checks an L-infinity distance against <see cref="DistributionDistance.Numeric"/>'s simple distance: on
    /// this run's values of one feature and on made-up ones (the same values, a moved share, values of other sizes).</summary>
    /// <param name="lInfinity">The attendee's function: the baseline's values and the window's to the largest gap between their cumulative distributions.</param>
    /// <param name="baseline">This run's baseline values of one feature.</param>
    /// <param name="window">This run's window values of the same feature.</param>
    /// <exception cref="ExerciseCheckException">The distance differs, or the function fails.</exception>
    public static string LInfinity(Func<IReadOnlyList<double>, IReadOnlyList<double>, double> lInfinity, IReadOnlyList<double> baseline, IReadOnlyList<double> window)
    {
        ArgumentNullException.ThrowIfNull(lInfinity);
        var tries = new (string Name, double[] Baseline, double[] Window)[]
        {
            ("this run's feature", baseline.ToArray(), window.ToArray()),
            ("made-up flags that did not move", [0, 0, 1, 1], [1, 0, 1, 0]),
            ("made-up flags whose share of 1s moved", [0, 0, 0, 1], [0, 1, 1, 1]),
            ("made-up values between the flags", [0, 0, 1, 1], [-0.5, 0.3, 0.7, 1.2]),
            ("made-up values of different counts", [1, 2, 3, 4, 5], [2.5, 6]),
        };
        foreach (var (name, b, w) in tries)
        {
            var right = Distance(b, w);
            var given = Run(() => lInfinity(b, w), name);
            if (!(Math.Abs(given - right) <= 1e-9))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} (baseline {Values(b)}, window {Values(w)}) your distance is {given:G6} where it is {right:G6}: at every value either side has, take the gap between the share of baseline values at or below it and the share of window values at or below it; the distance is the largest gap."));
        }
        return Invariant($"Correct: your L-infinity distance is {Distance(baseline.ToArray(), window.ToArray()):G4} on this run's feature and right on {tries.Length - 1} made-up cases.");
    }

    /// <summary>Checks a completeness: the share of rows in which a feature is present (a row without the field, or
    /// with null, has it missing), against <see cref="FeatureStatistics.Completeness"/>, on this run's window and on
    /// made-up rows.</summary>
    /// <param name="completeness">The attendee's function: rows and a feature's name to the share of rows where it is present.</param>
    /// <param name="window">This run's window.</param>
    /// <param name="feature">A feature of the window to try.</param>
    /// <exception cref="ExerciseCheckException">The share differs, or the function fails.</exception>
    public static string Completeness(Func<IReadOnlyList<MonitoredRow>, string, double> completeness, IReadOnlyList<MonitoredRow> window, string feature)
    {
        ArgumentNullException.ThrowIfNull(completeness);
        ArgumentNullException.ThrowIfNull(window);
        var madeUp = MonitoredRow.FromRequest("""{"sessions": [{"a": 1, "b": 0}, {"a": null, "b": 1}, {"b": 1}, {"a": 0.5}]}""", new HashSet<string>());
        var tries = new (string Name, IReadOnlyList<MonitoredRow> Rows, string Feature)[]
        {
            ("this run's window", window, feature),
            ("made-up rows where a is 1, null, absent and 0.5", madeUp, "a"),
            ("made-up rows where b is 0, 1, 1 and absent", madeUp, "b"),
            ("made-up rows none of which has c", madeUp, "c"),
        };
        foreach (var (name, rows, f) in tries)
        {
            var right = Share(rows, f);
            var given = Run(() => completeness(rows, f), name);
            if (!(Math.Abs(given - right) <= 1e-12))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} your completeness of {f} is {given:G6} where it is {right:G6}: count the rows whose Fields hold {f} with a value that IsPresent (no field, or null, is missing) and divide by all the rows."));
        }
        return Invariant($"Correct: your completeness of {feature} is {Share(window, feature):G4} on this run's window and right on {tries.Length - 1} made-up cases, a null and an absent field among them.");
    }

    private static double Distance(double[] baseline, double[] window) =>
        DistributionDistance.Numeric(baseline.Order().ToArray(), baseline.Length, window).Simple;

    private static double Share(IReadOnlyList<MonitoredRow> rows, string feature) =>
        DatasetStatistics.Of(rows)[feature]?.Completeness ?? 0;

    private static string Values(double[] values) =>
        values.Length <= 8 ? "[" + string.Join(", ", values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture))) + "]" : Invariant($"{values.Length:N0} values");

    private static T Run<T>(Func<T> attendeeCode, string input)
    {
        try { return attendeeCode(); }
        catch (Exception e) when (e is not ExerciseNotDoneException)
        {
            throw new ExerciseCheckException($"On {input} your function throws {e.GetType().Name} ({e.Message.TrimEnd('.')}): it must give an answer for every such input.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using CustomerAnalytics.Exercises;
using CustomerAnalytics.Propensity.Data;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// The checks of workshop 06's exercises: each calls the attendee's function on this run's data and on made-up inputs
/// whose answer is known (an empty bin, a NaN, a feature significant but not material), returns a line saying what
/// passed, and otherwise throws <see cref="ExerciseCheckException"/> with one sentence saying what is wrong.
/// </summary>
public static class DriftChecks
{
    /// <summary>The share a bin is raised to before the logarithm, as <see cref="DriftStatistics.PopulationStabilityIndex(IReadOnlyList{double}, IReadOnlyList{double}, double)"/> does.</summary>
    public const double PsiFloor = 1e-4;

    /// <summary>Checks a population stability index against <see cref="DriftStatistics"/>: on this run's baseline and
    /// batch shares of one feature, and on made-up shares (the same distribution, a shift, an empty bin, three bins).</summary>
    /// <param name="psi">The attendee's function: expected (baseline) and actual (batch) shares of the same bins to the PSI.</param>
    /// <param name="baselineShares">This run's baseline shares of one feature's bins.</param>
    /// <param name="batchShares">This run's batch shares of the same bins.</param>
    /// <exception cref="ExerciseCheckException">The value differs, or the function fails.</exception>
    public static string Psi(Func<IReadOnlyList<double>, IReadOnlyList<double>, double> psi, IReadOnlyList<double> baselineShares, IReadOnlyList<double> batchShares)
    {
        ArgumentNullException.ThrowIfNull(psi);
        var tries = new (string Name, double[] Expected, double[] Actual)[]
        {
            ("this run's feature", baselineShares.ToArray(), batchShares.ToArray()),
            ("made-up shares that did not move", [0.7, 0.3], [0.7, 0.3]),
            ("made-up shares that moved", [0.5, 0.5], [0.9, 0.1]),
            ("made-up shares with an empty bin", [0.8, 0.2], [1.0, 0.0]),
            ("made-up shares over three bins", [0.2, 0.3, 0.5], [0.4, 0.4, 0.2]),
        };
        foreach (var (name, expected, actual) in tries)
        {
            var right = DriftStatistics.PopulationStabilityIndex(expected, actual, PsiFloor);
            var given = PropensityChecks.Run(() => psi(expected, actual), name);
            if (!(Math.Abs(given - right) <= 1e-9 * Math.Max(1, right)))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} (baseline {Shares(expected)}, batch {Shares(actual)}) your PSI is {given:G6} where it is {right:G6}: sum over the bins (batch share - baseline share) * ln(batch share / baseline share), each share below {PsiFloor:G} raised to {PsiFloor:G} first."));
        }
        return Invariant($"Correct: your PSI is {DriftStatistics.PopulationStabilityIndex(baselineShares, batchShares, PsiFloor):G4} on this run's feature and right on {tries.Length - 1} made-up cases, an empty bin among them.");
    }

    /// <summary>Checks a data type check: the share of rows whose value of a feature is not a 0/1 flag (NaN, a
    /// fraction, any number but 0 and 1), on this run's batch and on made-up rows.</summary>
    /// <param name="notAFlagShare">The attendee's function: rows and a feature's index to the share of rows whose value there is neither 0 nor 1.</param>
    /// <param name="batch">This run's batch.</param>
    /// <param name="feature">The index of a feature of the batch to try (one the batch drifted, say).</param>
    /// <exception cref="ExerciseCheckException">The share differs, or the function fails.</exception>
    public static string NotAFlagShare(Func<IReadOnlyList<SessionInput>, int, double> notAFlagShare, IReadOnlyList<SessionInput> batch, int feature)
    {
        ArgumentNullException.ThrowIfNull(notAFlagShare);
        ArgumentNullException.ThrowIfNull(batch);
        var madeUp = new[] { Row(0f, 1f), Row(1f, 0.5f), Row(float.NaN, 0f), Row(-1f, 1f), Row(2f, 1f) };
        var tries = new (string Name, IReadOnlyList<SessionInput> Rows, int Feature)[]
        {
            ("this run's batch", batch, feature),
            ("made-up rows whose first feature holds 0, 1, NaN, -1 and 2", madeUp, 0),
            ("made-up rows whose second feature holds 1, 0.5, 0, 1 and 1", madeUp, 1),
            ("made-up rows of flags only", [Row(0f, 0f), Row(1f, 1f)], 0),
        };
        foreach (var (name, rows, f) in tries)
        {
            var right = (double)rows.Count(r => r.Features[f] is not (0f or 1f)) / rows.Count;
            var given = PropensityChecks.Run(() => notAFlagShare(rows, f), name);
            if (!(Math.Abs(given - right) <= 1e-12))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} your share is {given:G6} where it is {right:G6} ({rows.Count(r => r.Features[f] is not (0f or 1f))} of {rows.Count} rows): count the rows whose value of the feature is neither 0 nor 1 (a NaN counts, it is missing) and divide by all the rows."));
        }
        return Invariant($"Correct: your share is {(double)batch.Count(r => r.Features[feature] is not (0f or 1f)) / batch.Count:G4} on this run's batch and right on {tries.Length - 1} made-up cases, a NaN among them.");
    }

    /// <summary>Checks the monitor's rule: the features whose PSI is at or above <c>psiThreshold</c> and whose p-value
    /// is below <c>alpha</c> divided by the number of features (Bonferroni), on this run's reports at several
    /// thresholds and on a made-up report where each condition holds without the other.</summary>
    /// <param name="violations">The attendee's function: a report, a PSI threshold and a family-wise alpha to the flagged features.</param>
    /// <param name="reports">This run's reports (a clean and a drifted batch, say).</param>
    /// <exception cref="ExerciseCheckException">The flagged features differ, or the function fails.</exception>
    public static string Violations(Func<DriftReport, double, double, IEnumerable<string>> violations, params DriftReport[] reports)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var tries = reports.SelectMany(r => new[] { (0.1, 0.01), (0.25, 0.05), (0.01, 0.001) }.Select(t => (Report: r, Psi: t.Item1, Alpha: t.Item2, Name: $"this run's {r.Batch} batch")))
            .Append((MadeUp, 0.1, 0.01, "a made-up report of four features"))
            .Append((MadeUp, 0.1, 0.2, "a made-up report of four features"))
            .ToArray();
        foreach (var (report, psi, alpha, name) in tries)
        {
            var right = report.Features.Where(f => f.Psi >= psi && f.PValue < alpha / report.Features.Count).Select(f => f.Feature).Order(StringComparer.Ordinal).ToArray();
            var given = PropensityChecks.Run(() => (violations(report, psi, alpha) ?? []).Distinct().Order(StringComparer.Ordinal).ToArray(), name);
            if (!given.SequenceEqual(right))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} with PSI threshold {psi:G} and alpha {alpha:G} you flag [{string.Join(", ", given)}] where the rule flags [{string.Join(", ", right)}]: a feature is flagged when its PSI is at or above the threshold and its p-value is below alpha divided by the number of features ({report.Features.Count})."));
        }
        return $"Correct: you flag the features the monitor's rule flags at {tries.Length} settings, on this run's reports and on a made-up one where a shift is material but not significant, or significant but not material.";
    }

    // Four features: material and significant; material only; significant only (below alpha, not below alpha / 4); neither.
    private static DriftReport MadeUp => new("made-up", 500, 5000,
    [
        new FeatureDrift("both", 0.2, 0.4, 0.3, 50, 1e-9, true),
        new FeatureDrift("material only", 0.2, 0.3, 0.2, 2, 0.004, false),
        new FeatureDrift("significant only", 0.2, 0.22, 0.02, 30, 1e-7, false),
        new FeatureDrift("on the threshold", 0.2, 0.25, 0.1, 9, 0.0001, true),
    ], new ScoreDrift(0.1, 0.1, 0, 0, 1, false), DriftThresholds.Default);

    private static SessionInput Row(float first, float second)
    {
        var row = new SessionInput();
        row.Features[0] = first;
        row.Features[1] = second;
        return row;
    }

    private static string Shares(IEnumerable<double> shares) => "[" + string.Join(", ", shares.Select(s => s.ToString("G4", CultureInfo.InvariantCulture))) + "]";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

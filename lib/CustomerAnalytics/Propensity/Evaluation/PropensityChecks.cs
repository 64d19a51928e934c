using System.Globalization;
using CustomerAnalytics.Exercises;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// The checks of workshop 03's exercises: each calls the attendee's function on this run's scores and on made-up
/// scores whose answer is known (ties at the threshold, a budget that splits a tie, a campaign where contacting more
/// loses money), returns a line saying what passed, and otherwise throws <see cref="ExerciseCheckException"/> with one
/// sentence saying what is wrong.
/// </summary>
public static class PropensityChecks
{
    /// <summary>Made-up scores: two sessions tied at 0.6, one of them an order; a sure order at 1.</summary>
    internal static ModelScores MadeUpTies => new("made-up scores with a tie at 0.6",
        [1.0, 0.9, 0.6, 0.6, 0.3, 0.1], [true, false, true, false, false, true]);

    /// <summary>Made-up scores where three sessions tie just under the top one and low-probability sessions lose money.</summary>
    internal static ModelScores MadeUpBudget => new("made-up scores with three tied under the top",
        [0.9, 0.8, 0.8, 0.8, 0.02, 0.01, 0.01], [true, true, false, true, false, false, false]);

    /// <summary>Checks a profit function against <see cref="ProfitCurve.At"/>: on this run's scores at break-even,
    /// 0, 0.5, a probability that occurs in the scores and above every probability; on made-up scores at a tie.</summary>
    /// <param name="profitAt">The attendee's function: threshold and scores to the profit of contacting every session at or above the threshold.</param>
    /// <param name="scores">This run's scores.</param>
    /// <param name="settings">The notebook's contact cost and conversion value.</param>
    /// <exception cref="ExerciseCheckException">At some threshold the profit differs, or the function fails.</exception>
    public static string ProfitAt(Func<double, ModelScores, double> profitAt, ModelScores scores, ProfitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(profitAt);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(settings);
        var present = scores.Probabilities.Order().ElementAt(scores.Probabilities.Count / 2);
        var tries = new[] { settings.BreakEvenProbability, 0.0, 0.5, present, 1.5 }.Select(t => (scores, t, "this run's scores"))
            .Concat(new[] { 0.6, 0.61, 1.0, 0.0 }.Select(t => (MadeUpTies, t, MadeUpTies.Model)));
        foreach (var (s, t, name) in tries)
        {
            var expected = ProfitCurve.At(t, s.Probabilities, s.Labels, settings);
            var given = Run(() => profitAt(t, s), Invariant($"{name} at threshold {t:G4}"));
            if (!(Math.Abs(given - expected.Profit) <= 1e-6 * Math.Max(1, Math.Abs(expected.Profit))))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} at threshold {t:G4} your profit is {given:G6} where it is {expected.Profit:G6} ({expected.Conversions} orders among {expected.Contacted} sessions at or above the threshold, each order worth {settings.ConversionValue:G4}, each contact costing {settings.ContactCost:G4}): contact every session whose probability is at least the threshold, ties included."));
        }
        return $"Correct: your profit equals ProfitCurve.At at {tries.Count()} thresholds, on this run's scores and on made-up ones with a tie at the threshold.";
    }

    /// <summary>Checks a threshold chosen under a contact budget: contacting every session at or above it reaches at
    /// most <paramref name="budget"/> sessions, and no threshold within the budget earns more (on this run's scores and
    /// on made-up ones: a tie the budget would split, a budget of every session, a budget of none).</summary>
    /// <param name="budgetThreshold">The attendee's function: scores and budget to a threshold.</param>
    /// <param name="scores">This run's (validation) scores.</param>
    /// <param name="budget">The contact budget.</param>
    /// <param name="settings">The notebook's contact cost and conversion value.</param>
    /// <exception cref="ExerciseCheckException">The threshold contacts too many, or another threshold within the budget earns more.</exception>
    public static string Budget(Func<ModelScores, int, double> budgetThreshold, ModelScores scores, int budget, ProfitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(budgetThreshold);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(settings);
        var tries = new[] { (scores, budget, "this run's scores"), (MadeUpBudget, 3, MadeUpBudget.Model),
            (MadeUpBudget, 7, MadeUpBudget.Model), (MadeUpBudget, 0, MadeUpBudget.Model) };
        foreach (var (s, b, name) in tries)
        {
            var t = Run(() => budgetThreshold(s, b), Invariant($"{name} with a budget of {b}"));
            var mine = ProfitCurve.At(t, s.Probabilities, s.Labels, settings);
            if (mine.Contacted > b)
                throw new ExerciseCheckException(Invariant(
                    $"On {name} with a budget of {b} your threshold {t:G4} contacts {mine.Contacted} sessions: sessions tied at a probability are contacted together, so take a threshold at which the sessions at or above it number at most {b}."));
            var best = ProfitCurve.Compute(s.Probabilities, s.Labels, settings).Curve.Where(p => p.Contacted <= b).MaxBy(p => p.Profit)!;
            if (mine.Profit < best.Profit - 1e-6 * Math.Max(1, Math.Abs(best.Profit)))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} with a budget of {b} your threshold {t:G4} earns {mine.Profit:G6} ({mine.Contacted} contacted) where threshold {best.Threshold:G4} earns {best.Profit:G6} ({best.Contacted} contacted): among the thresholds within the budget take the most profitable, which need not use the whole budget."));
        }
        return $"Correct: your threshold stays within the budget and earns the most it allows, on this run's scores and on {tries.Length - 1} made-up cases.";
    }

    /// <summary>Checks a log-loss (natural log): the mean over sessions of -ln p for an order and -ln(1 - p) for a
    /// session without one, on this run's scores and on made-up ones.</summary>
    /// <param name="logLoss">The attendee's function.</param>
    /// <param name="scores">This run's scores.</param>
    /// <exception cref="ExerciseCheckException">The value differs, or the function fails.</exception>
    public static string LogLoss(Func<ModelScores, double> logLoss, ModelScores scores)
    {
        ArgumentNullException.ThrowIfNull(logLoss);
        ArgumentNullException.ThrowIfNull(scores);
        foreach (var s in new[] { scores, MadeUpTies with { Model = "made-up scores with a sure order at 1" },
                     new ModelScores("made-up scores without any order", [0.5, 0.2, 0.1], [false, false, false]) })
        {
            var name = s == scores ? "this run's scores" : s.Model;
            var expected = LogLossOf(s);
            var given = Run(() => logLoss(s), name);
            if (!(given == expected || Math.Abs(given - expected) <= 1e-9 * Math.Max(1, expected)))
                throw new ExerciseCheckException(Invariant(
                    $"On {name} your log-loss is {given:G6} where it is {expected:G6}: average over every session -ln(p) for an order and -ln(1 - p) for a session without one (natural log)."));
        }
        return Invariant($"Correct: your log-loss is {LogLossOf(scores):G4} on this run's scores and right on two made-up ones.");
    }

    /// <summary>The log-loss in nats: the mean of -ln p over orders and -ln(1 - p) over the other sessions.</summary>
    internal static double LogLossOf(ModelScores s) =>
        Enumerable.Range(0, s.Probabilities.Count).Average(i => -Math.Log(s.Labels[i] ? s.Probabilities[i] : 1 - s.Probabilities[i]));

    // The attendee's code may throw: its TODO placeholder goes through as it is, anything else becomes the check's sentence.
    internal static T Run<T>(Func<T> attendeeCode, string input)
    {
        try { return attendeeCode(); }
        catch (Exception e) when (e is not ExerciseNotDoneException)
        {
            throw new ExerciseCheckException($"On {input} your function throws {e.GetType().Name} ({e.Message.TrimEnd('.')}): it must give an answer for every such input.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

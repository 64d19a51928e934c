using CustomerAnalytics.Exercises;
using CustomerAnalytics.Propensity.Evaluation;

namespace CustomerAnalytics.Tests.Propensity;

/// <summary>
/// Workshop 03's exercise checks: the notebook's solutions pass; each usual slip, written here on purpose, gets the
/// check's sentence; a function left as its TODO stops with the TODO.
/// </summary>
public sealed class PropensityChecksTests
{
    private static readonly ProfitSettings Settings = new(ContactCost: 1, ConversionValue: 30);

    // Scores of a "run": 200 sessions, probabilities in steps with ties, every fifth an order.
    private static readonly ModelScores Run = new("run",
        Enumerable.Range(0, 200).Select(i => Math.Round((i % 40) / 40.0, 3)).ToArray(),
        Enumerable.Range(0, 200).Select(i => i % 5 == 0 || i % 40 > 35).ToArray());

    // The notebook's solutions, as an attendee would write them.
    private static double ProfitAt(double threshold, ModelScores scores)
    {
        var contacted = Enumerable.Range(0, scores.Probabilities.Count).Where(i => scores.Probabilities[i] >= threshold).ToArray();
        return contacted.Count(i => scores.Labels[i]) * Settings.ConversionValue - contacted.Length * Settings.ContactCost;
    }

    private static double BudgetThreshold(ModelScores scores, int budget) =>
        scores.Probabilities.Distinct().Append(double.PositiveInfinity)
            .Where(t => scores.Probabilities.Count(p => p >= t) <= budget)
            .MaxBy(t => ProfitAt(t, scores));

    private static double LogLoss(ModelScores scores) =>
        Enumerable.Range(0, scores.Probabilities.Count)
            .Average(i => -Math.Log(scores.Labels[i] ? scores.Probabilities[i] : 1 - scores.Probabilities[i]));

    [Fact]
    public void The_solutions_pass_every_check()
    {
        Assert.StartsWith("Correct: your profit equals ProfitCurve.At at 9 thresholds", PropensityChecks.ProfitAt(ProfitAt, Run, Settings));
        Assert.StartsWith("Correct: your threshold stays within the budget", PropensityChecks.Budget(BudgetThreshold, Run, 30, Settings));
        Assert.StartsWith("Correct: your log-loss is ", PropensityChecks.LogLoss(LogLoss, Run));
    }

    public static TheoryData<string, Func<double, ModelScores, double>> WrongProfits => new()
    {
        // strictly above the threshold: the ties at it are left out
        { "this run's scores at threshold 0 ", (t, s) => Enumerable.Range(0, s.Probabilities.Count).Where(i => s.Probabilities[i] > t).Sum(i => s.Labels[i] ? 29.0 : -1.0) },
        // the contact cost forgotten
        { "this run's scores", (t, s) => Enumerable.Range(0, s.Probabilities.Count).Count(i => s.Probabilities[i] >= t && s.Labels[i]) * 30.0 },
        // every order counted, contacted or not
        { "this run's scores", (t, s) => s.Labels.Count(l => l) * 30.0 - s.Probabilities.Count(p => p >= t) },
    };

    [Theory, MemberData(nameof(WrongProfits))]
    public void A_wrong_profit_gets_the_sentence(string where, Func<double, ModelScores, double> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => PropensityChecks.ProfitAt(wrong, Run, Settings));
        Assert.Matches(@"^On .+ at threshold \S+ your profit is \S+ where it is \S+ \(\d+ orders among \d+ sessions .*\): contact every session whose probability is at least the threshold, ties included\.$", e.WhatIsWrong);
        Assert.Contains(where, e.WhatIsWrong);
    }

    public static TheoryData<string, Func<ModelScores, int, double>> WrongBudgets => new()
    {
        // the budget-th highest probability: a tie there takes more than the budget
        { "number at most 32", (s, b) => b == 0 ? 2.0 : s.Probabilities.OrderDescending().ElementAt(Math.Min(b, s.Probabilities.Count) - 1) },
        // the lowest threshold within the budget: uses the whole budget even where the last contacts lose money
        { "which need not use the whole budget", (s, b) => s.Probabilities.Distinct().Append(2.0).Where(t => s.Probabilities.Count(p => p >= t) <= b).Min() },
        // the profit-maximising threshold, budget ignored
        { "number at most", (s, b) => s.Probabilities.Distinct().MaxBy(t => ProfitAt(t, s)) },
    };

    [Theory, MemberData(nameof(WrongBudgets))]
    public void A_wrong_budget_threshold_gets_the_sentence(string saying, Func<ModelScores, int, double> wrong)
    {
        // 32 splits a tie: the run's probabilities come in groups of five sessions.
        var e = Assert.Throws<ExerciseCheckException>(() => PropensityChecks.Budget(wrong, Run, 32, Settings));
        Assert.StartsWith("On ", e.WhatIsWrong);
        Assert.Contains(saying, e.WhatIsWrong);
    }

    public static TheoryData<Func<ModelScores, double>> WrongLogLosses => new()
    {
        // log base 10
        s => Enumerable.Range(0, s.Probabilities.Count).Average(i => -Math.Log10(s.Labels[i] ? s.Probabilities[i] : 1 - s.Probabilities[i])),
        // only the orders
        s => Enumerable.Range(0, s.Probabilities.Count).Where(i => s.Labels[i]).Average(i => -Math.Log(s.Probabilities[i])),
        // p for every session, order or not
        s => s.Probabilities.Average(p => -Math.Log(p)),
        // summed, not averaged
        s => Enumerable.Range(0, s.Probabilities.Count).Sum(i => -Math.Log(s.Labels[i] ? s.Probabilities[i] : 1 - s.Probabilities[i])),
    };

    [Theory, MemberData(nameof(WrongLogLosses))]
    public void A_wrong_log_loss_gets_the_sentence(Func<ModelScores, double> wrong)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => PropensityChecks.LogLoss(wrong, Run));
        Assert.Matches(@"^On .+ your log-loss is \S+ where it is \S+: average over every session -ln\(p\) for an order and -ln\(1 - p\) for a session without one \(natural log\)\.$", e.WhatIsWrong);
    }

    [Fact]
    public void A_function_left_as_its_todo_stops_with_the_todo_and_one_that_throws_gets_a_sentence()
    {
        Assert.Throws<ExerciseNotDoneException>(() => PropensityChecks.Budget((_, _) => Exercise.Todo<double>("choose the threshold"), Run, 30, Settings));
        var e = Assert.Throws<ExerciseCheckException>(() => PropensityChecks.LogLoss(s => s.Probabilities[1000], Run));
        Assert.StartsWith("On this run's scores your function throws ArgumentOutOfRangeException", e.WhatIsWrong);
    }
}

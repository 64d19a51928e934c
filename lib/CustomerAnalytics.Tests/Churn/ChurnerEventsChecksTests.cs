using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.Exercises;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>Workshop 05's churner-events check: a correct function passes; each usual slip gets its sentence.</summary>
public sealed class ChurnerEventsChecksTests
{
    private static IReadOnlyList<string> Correct(AttentionSummary summary, int n)
    {
        var retained = summary.Rows.Where(r => r.Group == "retained").ToDictionary(r => r.Event, r => r.Lift);
        return summary.Rows.Where(r => r.Group == "churned" && retained.ContainsKey(r.Event) && r.Lift > retained[r.Event])
            .OrderByDescending(r => r.Lift - retained[r.Event]).ThenBy(r => r.Event, StringComparer.Ordinal).Take(n).Select(r => r.Event).ToList();
    }

    private static readonly AttentionSummary Run = new(
        [new("a", "churned", 2, 10), new("a", "retained", 1, 10), new("b", "churned", 1, 10), new("b", "retained", 2, 10), new("c", "churned", 3, 10)]);

    [Fact]
    public void A_correct_function_passes_and_the_made_up_lifts_give_the_expected_events()
    {
        Assert.StartsWith("Correct:", ChurnChecks.ChurnerEvents(Correct, Run));
        Assert.Equal(["session_start", "add_to_cart", "scroll"], Correct(ChurnChecks.MadeUpSummary, 3));
        Assert.Equal(["session_start", "add_to_cart", "scroll", "view_item"], Correct(ChurnChecks.MadeUpSummary, 10));
    }

    public static TheoryData<string, Func<AttentionSummary, int, IReadOnlyList<string>>, string> Wrong => new()
    {
        { "top churned lifts", (s, n) => s.Top("churned", n).Select(r => r.Event).ToList(), "On made-up lifts with n = 3 your function gives [purchase, session_start, scroll]" },
        { "ratio, not difference", (s, n) => { var r0 = s.Rows.Where(r => r.Group == "retained").ToDictionary(r => r.Event, r => r.Lift);
            return s.Rows.Where(r => r.Group == "churned" && r0.ContainsKey(r.Event) && r.Lift > r0[r.Event]).OrderByDescending(r => r.Lift / r0[r.Event]).Take(n).Select(r => r.Event).ToList(); },
            "On made-up lifts with n = 3 your function gives [session_start, view_item, add_to_cart]" },
        { "no tie rule", (s, n) => Correct(s, n).Reverse().ToList(), "On made-up lifts with n = 3" },
        { "throws past the events", (s, n) => Correct(s, 100).ToArray()[..n], "On made-up lifts with n = 10 your code throws" },
    };

    [Theory, MemberData(nameof(Wrong))]
    public void A_wrong_function_gets_its_sentence(string slip, Func<AttentionSummary, int, IReadOnlyList<string>> wrong, string sentence)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => ChurnChecks.ChurnerEvents(wrong, Run));
        Assert.StartsWith(sentence, e.WhatIsWrong);
        Assert.False(string.IsNullOrEmpty(slip));
    }

    [Fact]
    public void A_function_left_as_its_todo_stops_with_the_todo() =>
        Assert.Equal("list them", Assert.Throws<ExerciseNotDoneException>(() => ChurnChecks.ChurnerEvents((_, _) => Exercise.Todo<IReadOnlyList<string>>("list them"), Run)).WhatToWrite);
}

using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.Exercises;

namespace CustomerAnalytics.Tests.Churn;

/// <summary>
/// Workshop 05's exercise checks: a correct labelling rule passes; a wrong one (each of the usual slips, written here
/// on purpose) gets the check's sentence naming the user and the rule it breaks; a rule left as its TODO stops with the TODO.
/// </summary>
public sealed class ChurnChecksTests
{
    // The notebook's solution, as an attendee would write it; the slips below change one thing in it.
    private static UserChurnLabel Label(string userId, IReadOnlyList<Ga4Event> events, long exportEnd, ChurnLabelOptions options,
        bool churnAtMost = false, bool bounceBelow = false, bool censorAtEnd = false, bool noCensoring = false, bool anyEvent = false, bool neverEngagedRetained = false, bool fixedWindows = false)
    {
        long churn = Ga4Event.Micros(fixedWindows ? TimeSpan.FromHours(24) : options.ChurnWindow), bounce = Ga4Event.Micros(options.BounceWindow);
        var engaged = events.Where(e => anyEvent || e.EventName == options.EngagementEvent).Select(e => e.Timestamp).ToArray();
        long? first = engaged.Length > 0 ? engaged.Min() : null, last = engaged.Length > 0 ? engaged.Max() : null;
        bool censored = !noCensoring && first is not null && (censorAtEnd ? first + churn >= exportEnd : first + churn > exportEnd);
        bool churned = !censored && (first is null ? !neverEngagedRetained : churnAtMost ? last <= first + churn : last < first + churn);
        bool bounced = !censored && (first is null ? !neverEngagedRetained : bounceBelow ? last < first + bounce : last <= first + bounce);
        return new UserChurnLabel(userId, first, last, churned, bounced, censored);
    }

    // Another export with other definitions: a 12 h churn window, a 5 min bounce window, and "engaged" as the event.
    private static readonly ChurnLabelOptions Other = new() { ChurnWindow = TimeSpan.FromHours(12), BounceWindow = TimeSpan.FromMinutes(5), EngagementEvent = "engaged" };
    private static EventLog OtherLog() => EventLog.FromEvents(new (string User, double Hours, string Event)[]
    {
        ("a", 0, "engaged"), ("a", 13, "engaged"), ("b", 0, "engaged"), ("b", 11, "engaged"), ("c", 1, "engaged"), ("c", 1.05, "engaged"),
        ("d", 2, "page_view"), ("e", 30, "engaged"), ("f", 40, "page_view"),
    }.Select(e => new Ga4Event(e.User, 1, 1_600_000_000_000_000 + (long)(e.Hours * 3_600_000_000), e.Event)));

    [Fact]
    public void A_correct_rule_passes_on_the_made_up_users_and_on_an_export_with_other_definitions()
    {
        var message = ChurnChecks.Labels((u, e, end, o) => Label(u, e, end, o), OtherLog(), Other);
        var labels = ChurnLabels.Compute(OtherLog(), Other);
        Assert.Equal($"Correct: your rule labels all 6 users of this export as ChurnLabels.Compute does ({labels.Churned} churned, {labels.Retained} retained, {labels.Bounced} bounced, {labels.Censored} censored), and the {ChurnChecks.MadeUpUsers.Length} made-up users at the edges.", message);
        Assert.Equal((1, 1, 3, 1), (labels.Churned, labels.Retained, labels.Bounced, labels.Censored)); // the other export has every group
        // The made-up users are what their names say, by the library's own definitions.
        var madeUp = ChurnLabels.Compute(ChurnChecks.MadeUpLog());
        Assert.Equal("retained", madeUp["exactly-24h"].Group);
        Assert.Equal("churned", madeUp["just-under-24h"].Group);
        Assert.Equal("bounced", madeUp["exactly-10min"].Group);
        Assert.Equal("bounced", madeUp["never-engaged"].Group);
        Assert.Equal("censored", madeUp["censored"].Group);
        Assert.Equal("bounced", madeUp["window-ends-at-export-end"].Group);
        Assert.Equal("bounced", madeUp["late-page-views"].Group);
    }

    public static TheoryData<string, Func<string, IReadOnlyList<Ga4Event>, long, ChurnLabelOptions, UserChurnLabel>, string> WrongRules => new()
    {
        { "churned at exactly the window", (u, e, end, o) => Label(u, e, end, o, churnAtMost: true), "Your function labels the made-up user 'exactly-24h'" },
        { "bounce below the window only", (u, e, end, o) => Label(u, e, end, o, bounceBelow: true), "Your function labels the made-up user 'exactly-10min'" },
        { "never engaged is retained", (u, e, end, o) => Label(u, e, end, o, neverEngagedRetained: true), "Your function labels the made-up user 'never-engaged'" },
        { "no censoring", (u, e, end, o) => Label(u, e, end, o, noCensoring: true), "Your function labels the made-up user 'censored'" },
        { "censored at the export's end", (u, e, end, o) => Label(u, e, end, o, censorAtEnd: true), "Your function labels the made-up user 'window-ends-at-export-end'" },
        { "every event is engagement", (u, e, end, o) => Label(u, e, end, o, anyEvent: true), "Your function labels the made-up user 'late-page-views'" },
        { "the default windows, whatever the options", (u, e, end, o) => Label(u, e, end, o, fixedWindows: true), "Your function labels user a of this export" },
        { "throws for a user who never engaged", (u, e, end, o) => e.Any(x => x.EventName == o.EngagementEvent) ? Label(u, e, end, o) : throw new InvalidOperationException("Sequence contains no elements"),
            "On the made-up user 'never-engaged' your function throws InvalidOperationException (Sequence contains no elements)" },
    };

    [Theory, MemberData(nameof(WrongRules))]
    public void A_wrong_rule_gets_the_sentence_naming_the_user_and_the_rule(string slip, Func<string, IReadOnlyList<Ga4Event>, long, ChurnLabelOptions, UserChurnLabel> wrong, string sentence)
    {
        var e = Assert.Throws<ExerciseCheckException>(() => ChurnChecks.Labels(wrong, OtherLog(), Other));
        Assert.StartsWith(sentence, e.WhatIsWrong);
        Assert.EndsWith(".", e.WhatIsWrong);
        Assert.False(string.IsNullOrEmpty(slip));
    }

    [Fact]
    public void A_rule_left_as_its_todo_stops_with_the_todo()
    {
        var e = Assert.Throws<ExerciseNotDoneException>(() => ChurnChecks.Labels((_, _, _, _) => Exercise.Todo<UserChurnLabel>("write LabelUser"), OtherLog(), Other));
        Assert.Equal("write LabelUser", e.WhatToWrite);
    }
}

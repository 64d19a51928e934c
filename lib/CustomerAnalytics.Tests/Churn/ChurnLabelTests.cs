using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Evaluation;
using static CustomerAnalytics.Tests.Churn.ChurnTestData;

namespace CustomerAnalytics.Tests.Churn;

public class ChurnLabelTests
{
    // Another user's event long after: the export runs past every window of the users under test (none is censored).
    private static UserChurnLabel Label(IEnumerable<Ga4Event> events, string id = "u", ChurnLabelOptions? options = null) =>
        ChurnLabels.Compute(EventLog.FromEvents(events.Concat(User("zz-end", (Hours(1000), "page_view")))), options)[id];

    [Fact]
    public void LastEngagementExactly24HoursAfterTheFirstIsRetained()
    {
        var label = Label(User("u", (0, "user_engagement"), (Hours(24), "user_engagement")));
        Assert.False(label.Churned);
        Assert.False(label.Bounced);
        Assert.Equal("retained", label.Group);
    }

    [Fact]
    public void LastEngagementJustUnder24HoursIsChurned()
    {
        var label = Label(User("u", (0, "user_engagement"), (Hours(24) - 1, "user_engagement")));
        Assert.True(label.Churned);
        Assert.False(label.Bounced);
        Assert.Equal("churned", label.Group);
    }

    [Fact]
    public void LastEngagementExactly10MinutesAfterTheFirstIsBounced()
    {
        Assert.True(Label(User("u", (0, "user_engagement"), (Minutes(10), "user_engagement"))).Bounced);
        Assert.False(Label(User("u", (0, "user_engagement"), (Minutes(10) + 1, "user_engagement"))).Bounced);
    }

    [Fact]
    public void ASingleEngagementEventIsBouncedAndChurned()
    {
        var label = Label(User("u", (0, "user_engagement")));
        Assert.True(label.Bounced);
        Assert.True(label.Churned);
        Assert.True(label.Engaged);
        Assert.Equal(label.FirstEngagement, label.LastEngagement);
    }

    [Fact]
    public void AUserWithoutEngagementIsCountedAsNeverEngagedAndBounced()
    {
        var labels = ChurnLabels.Compute(EventLog.FromEvents(User("u", (0, "page_view"))));
        Assert.False(labels["u"].Engaged);
        Assert.True(labels["u"].Bounced);
        Assert.Equal(1, labels.NeverEngaged);
        Assert.Equal(1, labels.Bounced);
    }

    [Fact]
    public void OnlyEngagementEventsCountAndOtherEventsAfter24HoursDoNotRetain()
    {
        var label = Label(User("u", (0, "user_engagement"), (Hours(1), "user_engagement"), (Hours(30), "page_view")));
        Assert.True(label.Churned);
    }

    [Fact]
    public void WindowsAreParameters()
    {
        var events = User("u", (0, "user_engagement"), (Hours(2), "user_engagement")).ToArray();
        Assert.True(Label(events).Churned);
        Assert.False(Label(events, options: new ChurnLabelOptions { ChurnWindow = TimeSpan.FromHours(1) }).Churned);
        Assert.True(Label(events, options: new ChurnLabelOptions { BounceWindow = TimeSpan.FromHours(3) }).Bounced);
    }

    [Fact]
    public void CountsGroupsAndChurnRateAmongNonBounced()
    {
        var log = EventLog.FromEvents(EngagedUser("a", Hours(30)).Concat(EngagedUser("b", Hours(2))).Concat(EngagedUser("c", Hours(3))).Concat(EngagedUser("d", Minutes(5))));
        var labels = ChurnLabels.Compute(log);
        Assert.Equal((1, 2, 1), (labels.Retained, labels.Churned, labels.Bounced));
        Assert.Equal(2 / 3.0, labels.ChurnRate, 9);
        Assert.Contains("<table>", labels.ToHtml());
        Assert.Contains("1 retained, 2 churned, 1 bounced", labels.ToString());
    }

    [Fact]
    public void UnsortedEventsAreSortedAndCounted()
    {
        var events = User("u", (Hours(25), "user_engagement"), (0, "user_engagement"), (Hours(1), "page_view")).ToArray();
        var log = EventLog.FromEvents(events);
        Assert.Equal(1, log.OutOfOrder);
        Assert.Equal(["user_engagement", "page_view", "user_engagement"], log.Events.Select(e => e.EventName));
        Assert.Contains(log.Warnings, w => w.Contains("1 event(s) were out of time order"));
        Assert.False(ChurnLabels.Compute(log)["u"].Churned);
    }

    [Fact]
    public void EventsWithoutUserOrTimestampAreDroppedWithCounts()
    {
        var log = EventLog.FromRows(
        [
            ("u", 1, T0, "session_start"), (null, 1, T0 + 1, "page_view"), ("", 1, T0 + 2, "page_view"),
            ("u", 1, null, "scroll"), ("u", null, T0 + 3, "user_engagement"),
        ]);
        Assert.Equal(2, log.Events.Count);
        Assert.Equal(2, log.MissingUser);
        Assert.Equal(1, log.MissingTimestamp);
        Assert.Equal(1, log.MissingSession);
        Assert.Contains(log.Warnings, w => w.Contains("2 event(s) without user_pseudo_id"));
        Assert.Contains(log.Warnings, w => w.Contains("1 event(s) without a valid event_timestamp"));
    }

    [Fact]
    public void AUserWhoseChurnWindowRunsPastTheEndOfTheExportIsCensoredNotChurned()
    {
        // "late" first engages 40 h in, the export ends at 48 h: 8 h of a 24 h window seen, so nobody can tell yet.
        var log = EventLog.FromEvents(User("early", (0, "user_engagement"), (Hours(1), "user_engagement"))
            .Concat(User("late", (Hours(40), "user_engagement"), (Hours(41), "user_engagement")))
            .Concat(User("end", (Hours(48), "page_view"))));
        var labels = ChurnLabels.Compute(log);

        var late = labels["late"];
        Assert.True(late.Censored);
        Assert.False(late.Churned);
        Assert.False(late.Bounced);
        Assert.Equal("censored", late.Group);
        Assert.True(labels["early"].Churned);
        Assert.Equal((1, 0, 1, 1), (labels.Churned, labels.Retained, labels.Bounced, labels.Censored)); // "end" never engaged
        Assert.Contains(("censored", 1), labels.Counts);
        Assert.Contains("Censored: 1 users first engaged less than 24 h before the export", labels.ToHtml());
        Assert.DoesNotContain("late", SequenceBuilder.Churn(log, labels).UserIds);
    }

    [Fact]
    public void AnExportCutInTheMiddleOfUsersWindowsGivesCensoredUsersNeverChurnedOnes()
    {
        var full = EventLog.Load(SamplePath);
        var cut = full.Events.Max(e => e.Timestamp) - Hours(24 * 9); // inside the sample's first visits
        var log = EventLog.FromEvents(full.Events.Where(e => e.Timestamp <= cut));
        var labels = ChurnLabels.Compute(log);

        var (window, end) = (Hours(24), log.Events.Max(e => e.Timestamp));
        var late = labels.Users.Where(u => u.FirstEngagement is { } f && f + window > end).ToArray();
        Assert.NotEmpty(late);
        Assert.All(late, u => Assert.True(u.Censored && !u.Churned && !u.Bounced, $"{u.UserId} should be censored: {u}"));
        Assert.All(labels.Users.Where(u => u.Churned), u => Assert.True(u.FirstEngagement is null || u.FirstEngagement + window <= end));
        Assert.Equal(late.Length, labels.Censored);
        Assert.Equal(labels.Users.Count, labels.Retained + labels.Churned + labels.Bounced + labels.Censored);
    }

    [Fact]
    public void TheEngagementEventIsAParameter()
    {
        var events = User("u", (0, "session_start"), (Hours(30), "session_start"), (Hours(31), "page_view")).ToArray();
        Assert.True(Label(events).Bounced); // no user_engagement at all
        Assert.Equal("retained", Label(events, options: new ChurnLabelOptions { EngagementEvent = "session_start" }).Group);
    }

    [Fact]
    public void SampleLabelsAgreeWithTheGeneratorsTruth()
    {
        var labels = ChurnLabels.Compute(EventLog.Load(SamplePath));
        Assert.Equal(0, labels.Censored); // the generator's first visits stop a week before the export ends
        var (agree, compared) = Ga4Truth.Load(TruthPath).Agreement(labels);
        Assert.Equal(1000, compared);
        Assert.Equal(compared, agree);
        Assert.Equal(444, labels.Bounced);
    }
}

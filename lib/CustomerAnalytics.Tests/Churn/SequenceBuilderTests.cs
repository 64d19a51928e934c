using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.SampleData;
using static CustomerAnalytics.Tests.Churn.ChurnTestData;

namespace CustomerAnalytics.Tests.Churn;

public class SequenceBuilderTests
{
    private static EventLog TwoSessions() => EventLog.FromEvents(
    [
        new("u", 1, T0, "session_start"), new("u", 1, T0 + 1, "page_view"), new("u", 1, T0 + 2, "user_engagement"),
        new("u", 2, T0 + Hours(30), "session_start"), new("u", 2, T0 + Hours(30) + 1, "user_engagement"),
    ]);

    [Fact]
    public void NextEventExamplesAreEveryPrefixOfEverySessionWithTheFollowingEventAsTarget()
    {
        var data = SequenceBuilder.NextEvent(TwoSessions());
        Assert.Equal(3, data.Count); // 2 from the first session, 1 from the second
        var v = data.Vocabulary;
        Assert.Equal([v.IdOf("session_start")], data.Sequences[0]);
        Assert.Equal(v.IdOf("page_view"), data.Labels[0]);
        Assert.Equal([v.IdOf("session_start"), v.IdOf("page_view")], data.Sequences[1]);
        Assert.Equal(v.IdOf("user_engagement"), data.Labels[1]);
        Assert.Equal([v.IdOf("session_start")], data.Sequences[2]);
    }

    [Fact]
    public void LongPrefixesKeepTheirLastEvents()
    {
        var events = Enumerable.Range(0, 10).Select(i => new Ga4Event("u", 1, T0 + i, i == 9 ? "user_engagement" : $"e{i}"));
        var data = SequenceBuilder.NextEvent(EventLog.FromEvents(events), new SequenceOptions { MaxNextEventLength = 3 });
        Assert.Equal(["e6", "e7", "e8"], data.Sequences[^1].Select(data.Vocabulary.TokenOf));
    }

    [Fact]
    public void ChurnInputStopsAtTheObservationWindowAndBouncedUsersAreLeftOut()
    {
        var log = EventLog.FromEvents(TwoSessions().Events.Concat(EngagedUser("bouncer", Minutes(1))));
        var data = SequenceBuilder.Churn(log, ChurnLabels.Compute(log));
        Assert.Equal(["u"], data.UserIds);
        Assert.Equal(0, data.Labels[0]); // came back after 30 h: retained
        Assert.Equal(["session_start", "page_view", "user_engagement"], data.Sequences[0].Select(data.Vocabulary.TokenOf)); // nothing from hour 30
    }

    [Fact]
    public void VocabularyReservesPaddingAndUnknownOnly()
    {
        var v = Vocabulary.Build([["page_view", "page_view", "scroll"]]);
        Assert.Equal([Vocabulary.Pad, Vocabulary.Unknown, "page_view", "scroll"], v.Tokens);
        Assert.Equal([2, 1, 3], v.Encode(["page_view", "video_start", "scroll"]));
        Assert.False(v.HasStartStop);
        Assert.Equal(["page_view", "scroll"], v.Decode([2, 3, 0])); // id 3 is data here, not a stop token
    }

    [Fact]
    public void BatchPadsOnTheRightWithZeros()
    {
        var data = SequenceBuilder.NextEvent(TwoSessions());
        var (tokens, lengths, labels) = data.Batch([0, 1]);
        Assert.Equal([2L, 2L], tokens.shape);
        Assert.Equal(0L, tokens[0, 1].item<long>());
        Assert.Equal([1L, 2L], lengths.data<long>().ToArray());
        Assert.Equal(data.Labels[0], (int)labels[0].item<long>());
    }

    [Fact]
    public void SplitIsByUserSeededAndCoversEveryExample()
    {
        var log = EventLog.Load(SamplePath);
        var data = SequenceBuilder.NextEvent(log);
        var a = data.SplitByUser(new SplitOptions { Seed = 3 });
        var b = data.SplitByUser(new SplitOptions { Seed = 3 });
        Assert.Equal(a.Test.UserIds, b.Test.UserIds);
        Assert.Equal(data.Count, a.Train.Count + a.Validation.Count + a.Test.Count);
        Assert.Empty(a.Train.UserIds.Intersect(a.Test.UserIds));
        Assert.Empty(a.Train.UserIds.Intersect(a.Validation.UserIds));
        Assert.Equal(700, a.Train.UserIds.Distinct().Count());
        // The truth file's ceiling is the true model's over the whole sample; a test split's lands within 0.01 of it.
        var truth = Ga4Truth.Load(TruthPath);
        Assert.Equal(Ga4Model.Default.BestNextEventAccuracy(data.Sessions!), truth.BestNextEventAccuracy, 4);
        var testSessions = a.Test.SessionPositions!.Select(p => p.Session).Distinct().Select(i => a.Test.Sessions![i]).ToArray();
        Assert.InRange(Ga4Model.Default.BestNextEventAccuracy(testSessions) - truth.BestNextEventAccuracy, -0.01, 0.01);
    }

    [Fact]
    public void SplitByUserDependsNeitherOnUserIdsNorOnRowOrder()
    {
        var data = SequenceBuilder.Churn(EventLog.Load(SamplePath), ChurnLabels.Compute(EventLog.Load(SamplePath)));
        // other ids (sorting in another order) and the rows reversed
        var renamed = data with { UserIds = data.UserIds.Select(u => $"{new string(u.Reverse().ToArray())}-other").ToArray() };
        var reordered = renamed.Subset(Enumerable.Range(0, data.Count).Reverse().ToArray());
        string[] Content(SequenceDataset part) => Enumerable.Range(0, part.Count).Select(i => $"{part.Labels[i]}:{string.Join(',', part.Sequences[i])}").ToArray();
        var (a, b) = (data.SplitByUser(), reordered.SplitByUser());
        Assert.Equal(Content(a.Train), Content(b.Train));
        Assert.Equal(Content(a.Validation), Content(b.Validation));
        Assert.Equal(Content(a.Test), Content(b.Test));
        Assert.Equal(a.Groups, b.Groups);
        Assert.Equal(a.Test.UserIds.Distinct().Count(), a.Groups!.Value.Test);
    }

    [Fact]
    public void EmptyLogFailsWithAdvice()
    {
        var e = Assert.Throws<ChurnDataException>(() => SequenceBuilder.NextEvent(EventLog.FromEvents([])));
        Assert.Contains("empty", e.Message);
    }
}

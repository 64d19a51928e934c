using System.Globalization;
using CustomerAnalytics.SampleData;

namespace CustomerAnalytics.Tests.Data.Generators;

public sealed class Ga4SampleFixture : IDisposable
{
    public TempFolder Folder { get; } = new();
    public Ga4Result Result { get; }
    public List<(string Date, long Time, string Name, string User, long Session, string Platform, string Device, string Country)> Events { get; }

    public Ga4SampleFixture()
    {
        Result = new Ga4EventGenerator().Write(Folder.Sub("ga4"), Folder.Sub("truth"));
        Events = GeneratedCsv.Rows(Result.EventsPath).Select(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture), r[2], r[3],
            long.Parse(r[4], CultureInfo.InvariantCulture), r[5], r[6], r[7])).ToList();
    }

    /// <summary>Sessions (user, session id) as lists of event names in time order.</summary>
    public List<(string User, long Session, List<string> Names)> Sessions() =>
        Events.GroupBy(e => (e.User, e.Session)).Select(g => (g.Key.User, g.Key.Session, g.OrderBy(e => e.Time).Select(e => e.Name).ToList())).ToList();

    public void Dispose() => Folder.Dispose();
}

public class Ga4EventGeneratorTests(Ga4SampleFixture sample) : IClassFixture<Ga4SampleFixture>
{
    [Fact]
    public void HeaderAndFieldsLookLikeTheFlattenedBigQueryExport()
    {
        Assert.Equal("event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,platform,device_category,geo_country",
            GeneratedCsv.Lines(sample.Result.EventsPath)[0]);
        Assert.Equal(sample.Result.Events, sample.Events.Count);
        Assert.All(sample.Events, e =>
        {
            var utc = DateTime.UnixEpoch.AddTicks(e.Time * 10);
            Assert.Equal(utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture), e.Date);
            Assert.InRange(utc, new DateTime(2020, 11, 1), new DateTime(2021, 2, 1));
            Assert.Contains(e.Name, Ga4Model.EventNames);
            Assert.Matches(@"^\d{9,10}\.\d{10}$", e.User);
            Assert.Equal("WEB", e.Platform);
            Assert.Contains(e.Device, new[] { "desktop", "mobile", "tablet" });
        });
        Assert.Equal(sample.Events.Select(e => e.Time).Order(), sample.Events.Select(e => e.Time));
        Assert.Equal(12, sample.Events.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void SessionsStartWithSessionStartAndIdsAreTheStartSecond()
    {
        var byUser = sample.Events.GroupBy(e => e.User).ToList();
        Assert.Equal(1000, byUser.Count);
        foreach (var user in byUser)
        {
            var events = user.OrderBy(e => e.Time).ToList();
            Assert.Equal(events.Count, events.Select(e => e.Time).Distinct().Count()); // strictly increasing
            Assert.Equal("first_visit", events[0].Name);
            Assert.Single(events, e => e.Name == "first_visit");
            Assert.Single(events.Select(e => (e.Device, e.Country)).Distinct());
            Assert.EndsWith("." + (events[0].Time / 1_000_000).ToString(CultureInfo.InvariantCulture), user.Key);
        }
        foreach (var (user, session, names) in sample.Sessions())
        {
            var events = sample.Events.Where(e => e.User == user && e.Session == session).ToList();
            var start = events.Single(e => e.Name == "session_start");
            Assert.Equal(session, start.Time / 1_000_000);
            Assert.Equal(names[0] == "first_visit" ? 1 : 0, names.IndexOf("session_start"));
            Assert.Equal("page_view", names[names.IndexOf("session_start") + 1]);
        }
        Assert.Equal(sample.Result.Sessions, sample.Sessions().Count);
    }

    [Fact]
    public void NewSessionsStartAfterThirtyMinutesOfInactivity()
    {
        foreach (var user in sample.Events.GroupBy(e => e.User))
        {
            var events = user.OrderBy(e => e.Time).ToList();
            for (int i = 1; i < events.Count; i++)
                if (events[i].Session != events[i - 1].Session)
                    Assert.True(events[i].Time - events[i - 1].Time >= 30 * 60_000_000L);
        }
    }

    [Fact]
    public void ChurnLabelsFollowTheDefinitionAndAMeaningfulShareChurns()
    {
        var truth = GeneratedCsv.Rows(sample.Result.UserTypesPath).ToDictionary(r => r[0]);
        Assert.Equal("user_pseudo_id,user_type,sessions,churned,bounced", GeneratedCsv.Lines(sample.Result.UserTypesPath)[0]);
        foreach (var user in sample.Events.GroupBy(e => e.User))
        {
            var engagement = user.Where(e => e.Name == "user_engagement").Select(e => e.Time).ToList();
            long first = engagement.Min(), last = engagement.Max();
            Assert.Equal(last < first + 86_400_000_000L ? "1" : "0", truth[user.Key][3]);
            Assert.Equal(last <= first + 600_000_000L ? "1" : "0", truth[user.Key][4]);
            Assert.Equal(user.Select(e => e.Session).Distinct().Count(), int.Parse(truth[user.Key][2], CultureInfo.InvariantCulture));
        }
        Assert.InRange(sample.Result.BounceRate, 0.25, 0.6);
        Assert.InRange(sample.Result.ChurnRateAmongNonBounced, 0.25, 0.65);
        Assert.Equal(["bouncer", "buyer", "one_day", "returner"], sample.Result.Truth.Select(t => t.UserType).Distinct().Order());
    }

    [Fact]
    public void EverySessionEndsWithUserEngagement()
    {
        // Only user_engagement can end a session in the model (except the few cut off by the export's end).
        var sessions = sample.Sessions();
        Assert.True(sessions.Count(s => s.Names[^1] == "user_engagement") >= sessions.Count - 5);
    }

    [Fact]
    public void EmpiricalTransitionFrequenciesMatchTheMatrix()
    {
        var typeOf = sample.Result.Truth.ToDictionary(t => t.UserPseudoId, t => t.UserType);
        var chain = Ga4Model.ChainEvents.ToList();
        var counts = new Dictionary<(string, string), Dictionary<string, int>>();
        foreach (var (user, _, names) in sample.Sessions())
        {
            int startAt = names.IndexOf("page_view");
            bool ended = names[^1] == "user_engagement"; // not cut off by the end of the export
            for (int t = startAt; t < (ended ? names.Count : names.Count - 1); t++)
            {
                var key = (typeOf[user], names[t]);
                if (!counts.TryGetValue(key, out var row)) counts[key] = row = [];
                string to = t + 1 < names.Count ? names[t + 1] : Ga4Model.EndOfSession;
                row[to] = row.GetValueOrDefault(to) + 1;
            }
        }
        int checkedRows = 0;
        foreach (var ((typeName, from), row) in counts)
        {
            int n = row.Values.Sum();
            if (n < 300) continue;
            checkedRows++;
            var type = sample.Result.Model.Types.Single(t => t.Name == typeName);
            for (int to = 0; to <= chain.Count; to++)
            {
                string toName = to == chain.Count ? Ga4Model.EndOfSession : chain[to];
                double p = type.Transition[chain.IndexOf(from)][to];
                double observed = row.GetValueOrDefault(toName) / (double)n;
                Assert.True(Math.Abs(observed - p) <= 4.5 * Math.Sqrt(p * (1 - p) / n) + 0.003,
                    $"{typeName}: {from} -> {toName} observed {observed:F4} vs {p:F4} over {n}");
            }
        }
        Assert.True(checkedRows >= 10, $"only {checkedRows} rows had enough transitions");
    }

    [Fact]
    public void BestNextEventAccuracyIsProperAndReachedByTheBayesPredictor()
    {
        double best = sample.Result.BestNextEventAccuracy;
        Assert.InRange(best, 0.3, 0.9);
        var sessions = sample.Sessions().Select(s => (IReadOnlyList<string>)s.Names).ToList();
        Assert.Equal(sample.Result.SampleBestNextEventAccuracy, sample.Result.Model.BestNextEventAccuracy(sessions), 12);
        Assert.Equal(best, sample.Result.SampleBestNextEventAccuracy, 0.02);

        // Guessing with the true model scores about the best achievable accuracy.
        double hits = 0;
        int positions = 0;
        foreach (var names in sessions)
            for (int t = 1; t < names.Count; t++)
            {
                var next = sample.Result.Model.NextEventDistribution(names.Take(t).ToList());
                Assert.Equal(1.0, next.Values.Sum(), 12);
                if (next.MaxBy(kv => kv.Value).Key == names[t]) hits++;
                positions++;
            }
        Assert.Equal(best, hits / positions, 0.03);

        // Another Monte Carlo seed agrees.
        Assert.Equal(best, Ga4EventGenerator.BestNextEventAccuracy(sample.Result.Model, seed: 99, users: 5000), 0.015);
    }

    [Fact]
    public void ResultAndModelRenderAsHtml()
    {
        Assert.Contains(Ga4EventGenerator.FileName, sample.Result.ToHtml());
        var model = sample.Result.Model.ToHtml();
        Assert.Contains("Within-session transitions of buyer", model);
        Assert.Contains(Ga4Model.EndOfSession, model);
    }

    [Fact]
    public void SameSeedGivesIdenticalBytesAndAnotherSeedDoesNot()
    {
        using var folder = new TempFolder();
        var options = new Ga4Options { Users = 150, MonteCarloUsers = 500 };
        new Ga4EventGenerator(options).Write(folder.Sub("a"));
        GeneratedCsv.WithCulture("de-DE", () => new Ga4EventGenerator(options).Write(folder.Sub("b")));
        new Ga4EventGenerator(options with { Seed = 3 }).Write(folder.Sub("c"));
        GeneratedCsv.AssertSameFiles(folder.Sub("a"), folder.Sub("b"));
        Assert.True(GeneratedCsv.AnyFileDiffers(folder.Sub("a"), folder.Sub("c")));
    }
}

using CustomerAnalytics.Churn.Evaluation;
using System.Globalization;

namespace CustomerAnalytics.SampleData;

/// <summary>
/// Writes a GA4-style event export (the BigQuery export schema, flattened to one CSV row per event):
/// <c>event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,platform,device_category,geo_country</c>.
/// Users come from an explicit <see cref="Ga4Model"/> (engagement types, session timing, a Markov chain of events
/// within sessions); each user's type and churn labels go to truth files.
/// </summary>
/// <remarks>
/// As in GA4: event_date is <c>yyyyMMdd</c>, event_timestamp is microseconds since the Unix epoch (both UTC here),
/// user_pseudo_id looks like <c>1197596843.1604355209</c> (a random number, a dot, the first-visit second), and
/// ga_session_id is the session's start in Unix seconds (unique per user, not globally: a session is the pair
/// user_pseudo_id + ga_session_id). A new session starts at least 30 minutes after the previous one's last event.
/// Unlike the real export, timestamps strictly increase within a user (so ORDER BY event_timestamp gives the
/// generating order) and rows are sorted by time.
/// Churn, as defined downstream (after Google's GA4 churn-prediction example): with first/last engagement the
/// first/last user_engagement event, a user churned if the last is less than 24 hours after the first, and
/// bounced if it is within 10 minutes; bounced users are left out of churn models.
/// </remarks>
public sealed class Ga4EventGenerator(Ga4Options? options = null)
{
    /// <summary>File name of the event export.</summary>
    public const string FileName = "ga4_events.csv";
    /// <summary>Truth file: user_pseudo_id,user_type,sessions,churned,bounced.</summary>
    public const string UserTypesFileName = "ga4_user_types.csv";
    /// <summary>Truth file: user_type,from,to,probability.</summary>
    public const string TransitionsFileName = "ga4_transitions.csv";
    /// <summary>Truth file: metric,value.</summary>
    public const string BestAccuracyFileName = "ga4_best_accuracy.csv";

    /// <summary>Columns of the export, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["event_date", "event_timestamp", "event_name", "user_pseudo_id", "ga_session_id", "platform", "device_category", "geo_country"];

    /// <summary>Churn window: no engagement this long after the first means churned.</summary>
    public static readonly TimeSpan ChurnWindow = TimeSpan.FromHours(24);
    /// <summary>Bounce window: all engagement within this long of the first means bounced.</summary>
    public static readonly TimeSpan BounceWindow = TimeSpan.FromMinutes(10);

    private static readonly string[] Devices = ["desktop", "mobile", "tablet"];
    private static readonly double[] DeviceShares = [0.58, 0.40, 0.02];

    private static readonly (string Country, double Share)[] Countries =
    [
        ("United States", 0.44), ("India", 0.09), ("Canada", 0.07), ("United Kingdom", 0.04), ("France", 0.03),
        ("Spain", 0.03), ("Taiwan", 0.03), ("Germany", 0.025), ("Japan", 0.02), ("China", 0.02), ("Singapore", 0.02),
        ("Turkey", 0.015), ("South Korea", 0.015), ("Italy", 0.015), ("Netherlands", 0.015), ("Brazil", 0.015),
        ("Australia", 0.015), ("Mexico", 0.01), ("(not set)", 0.01),
    ];

    // First visits by hour of day (UTC): the store's audience is mostly in the Americas.
    private static readonly double[] HourWeights =
        [4, 4, 3.5, 3, 2.5, 2, 2, 2, 2, 2.5, 3, 3.5, 4, 5, 5.5, 6, 6, 6, 6, 5.5, 5.5, 5, 4.5, 4];

    private const int MaxEventsPerSession = 300;

    /// <summary>The settings in use.</summary>
    public Ga4Options Options { get; } = options ?? new Ga4Options();

    /// <summary>Writes the export to <paramref name="folder"/> and the truth files to
    /// <paramref name="truthFolder"/> (default: <c>folder/truth</c>).</summary>
    public Ga4Result Write(string folder, string? truthFolder = null)
    {
        truthFolder ??= Path.Combine(folder, "truth");
        var model = Options.Model;
        var random = SeededRandom.ForStream(Options.Seed, 1);
        var typeShares = model.Types.Select(t => t.Share).ToArray();
        var countryShares = Countries.Select(c => c.Share).ToArray();
        long startMicros = UnixMicros(Options.Start);
        long endMicros = UnixMicros(Options.End.AddDays(1)) - 1;
        int firstVisitDays = Math.Max(1, (Options.End - Options.Start).Days + 1 - Options.ObservationDays);

        var users = new List<(string Id, int Type, int Device, int Country)>(Options.Users);
        var events = new List<Event>();
        var truth = new List<Ga4UserTruth>(Options.Users);
        var writtenSessions = new List<int[]>();
        var ids = new HashSet<string>();
        for (int u = 0; u < Options.Users; u++)
        {
            int type = random.Categorical(typeShares);
            long firstVisit = startMicros + random.NextInt(firstVisitDays) * 86_400_000_000L
                + (random.Categorical(HourWeights) * 3600L + random.NextInt(3600)) * 1_000_000L + random.NextInt(1_000_000);
            string id;
            do id = random.NextInt(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture) + "." +
                    (firstVisit / 1_000_000).ToString(CultureInfo.InvariantCulture);
            while (!ids.Add(id));
            int device = random.Categorical(DeviceShares);
            int country = random.Categorical(countryShares);
            users.Add((id, type, device, country));

            int sessions = 0;
            long firstEngagement = long.MaxValue, lastEngagement = long.MinValue;
            foreach (var session in SimulateUser(random, model, type, firstVisit))
            {
                if (session.Times[0] > endMicros) break; // the export ends; later sessions are not seen
                long sessionId = session.Times[session.Events[0] == FirstVisitCode ? 1 : 0] / 1_000_000; // session_start's second
                int kept = 0;
                for (int e = 0; e < session.Events.Length && session.Times[e] <= endMicros; e++, kept++)
                {
                    events.Add(new Event(session.Times[e], u, session.Events[e], sessionId));
                    if (session.Events[e] == UserEngagementCode)
                    {
                        firstEngagement = Math.Min(firstEngagement, session.Times[e]);
                        lastEngagement = Math.Max(lastEngagement, session.Times[e]);
                    }
                }
                writtenSessions.Add(session.Events[..kept]);
                sessions++;
            }
            bool engaged = firstEngagement != long.MaxValue;
            bool churned = !engaged || lastEngagement < firstEngagement + ChurnWindow.Ticks / 10;
            bool bounced = !engaged || lastEngagement <= firstEngagement + BounceWindow.Ticks / 10;
            truth.Add(new Ga4UserTruth(id, model.Types[type].Name, sessions, churned, bounced));
        }

        // The export is read by time; ties (different users in the same microsecond) keep generation order.
        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.User != b.User ? a.User.CompareTo(b.User) : 0);
        var path = Path.Combine(folder, FileName);
        using (var w = new GeneratedFileWriter(path))
        {
            w.Header(Columns);
            foreach (var e in events)
            {
                var (id, _, device, country) = users[e.User];
                w.Field(DateTime.UnixEpoch.AddTicks(e.Time * 10), "yyyyMMdd").Field(e.Time)
                    .Field(Ga4Model.EventNames[e.Code]).Field(id).Field(e.SessionId)
                    .Field("WEB").Field(Devices[device]).Field(Countries[country].Country);
                w.EndRow();
            }
        }

        var bestAccuracy = BestNextEventAccuracy(model, Options.Seed, Options.MonteCarloUsers);
        var predictor = new Ga4Predictor(model);
        double sampleSum = 0;
        long samplePositions = 0;
        foreach (var s in writtenSessions)
            foreach (var p in predictor.ProbabilityOfBestGuess(s)) { sampleSum += p; samplePositions++; }
        double sampleBest = samplePositions == 0 ? 0 : sampleSum / samplePositions;

        var typesPath = Path.Combine(truthFolder, UserTypesFileName);
        using (var w = new GeneratedFileWriter(typesPath))
        {
            w.Header(["user_pseudo_id", "user_type", "sessions", "churned", "bounced"]);
            foreach (var t in truth)
            {
                w.Field(t.UserPseudoId).Field(t.UserType).Field(t.Sessions).Field(t.Churned ? 1 : 0).Field(t.Bounced ? 1 : 0);
                w.EndRow();
            }
        }

        var transitionsPath = Path.Combine(truthFolder, TransitionsFileName);
        using (var w = new GeneratedFileWriter(transitionsPath))
        {
            w.Header(["user_type", "from", "to", "probability"]);
            foreach (var type in model.Types)
                for (int from = 0; from < Ga4Model.ChainEvents.Count; from++)
                    for (int to = 0; to <= Ga4Model.ChainEvents.Count; to++)
                    {
                        string toName = to == Ga4Model.ChainEvents.Count ? Ga4Model.EndOfSession : Ga4Model.ChainEvents[to];
                        w.Field(type.Name).Field(Ga4Model.ChainEvents[from]).Field(toName).Field(type.Transition[from][to], "0.########");
                        w.EndRow();
                    }
        }

        var result = new Ga4Result(path, typesPath, transitionsPath, Path.Combine(truthFolder, BestAccuracyFileName),
            Options.Users, writtenSessions.Count, events.Count, model, bestAccuracy, sampleBest, truth);
        using (var w = new GeneratedFileWriter(result.BestAccuracyPath))
        {
            w.Header(["metric", "value"]);
            w.Field("best_next_event_accuracy").Field(result.BestNextEventAccuracy, "0.0000");
            w.EndRow();
            w.Field("sample_best_next_event_accuracy").Field(result.SampleBestNextEventAccuracy, "0.0000");
            w.EndRow();
            w.Field("bounce_rate").Field(result.BounceRate, "0.0000");
            w.EndRow();
            w.Field("churn_rate_non_bounced").Field(result.ChurnRateAmongNonBounced, "0.0000");
            w.EndRow();
        }
        return result;
    }

    /// <summary>
    /// Best achievable next-event accuracy under <paramref name="model"/> (see <see cref="Ga4Model.BestNextEventAccuracy"/>),
    /// over the sessions of <paramref name="users"/> simulated users (seed stream 2 of <paramref name="seed"/>).
    /// </summary>
    public static double BestNextEventAccuracy(Ga4Model model, int seed, int users)
    {
        var random = SeededRandom.ForStream(seed, 2);
        var predictor = new Ga4Predictor(model);
        var typeShares = model.Types.Select(t => t.Share).ToArray();
        double sum = 0;
        long positions = 0;
        for (int u = 0; u < users; u++)
            foreach (var session in SimulateUser(random, model, random.Categorical(typeShares), 0))
                foreach (var p in predictor.ProbabilityOfBestGuess(session.Events)) { sum += p; positions++; }
        return positions == 0 ? 0 : sum / positions;
    }

    private static readonly int UserEngagementCode = Ga4Model.Code("user_engagement");
    private static readonly int PageViewCode = Ga4Model.Code("page_view");
    private static readonly int FirstVisitCode = Ga4Model.Code(Ga4Model.FirstVisit);

    internal sealed record SimulatedSession(int[] Events, long[] Times);

    /// <summary>All sessions of one user of the given type, with event codes and microsecond timestamps.</summary>
    internal static IEnumerable<SimulatedSession> SimulateUser(SeededRandom random, Ga4Model model, int typeIndex, long firstVisitMicros)
    {
        var type = model.Types[typeIndex];
        int sessions = type.MinSessions + random.Poisson(type.ExtraSessionsMean);
        long start = firstVisitMicros;
        for (int s = 0; s < sessions; s++)
        {
            if (s > 0)
            {
                double medianHours = s == 1 ? type.FirstGapMedianHours : type.LaterGapMedianHours;
                long gap = (long)Math.Round(random.LogNormal(DeterministicMath.Log(medianHours), type.GapSigma) * 3_600_000_000.0);
                start = Math.Max(start + gap, 0);
            }
            var session = SimulateSession(random, type, start, first: s == 0);
            yield return session;
            // GA4 starts a new session only after 30 minutes without events.
            start = Math.Max(start, session.Times[^1] + 30 * 60_000_000L + 1_000_000L);
        }
    }

    private static SimulatedSession SimulateSession(SeededRandom random, Ga4UserType type, long start, bool first)
    {
        var codes = new List<int>();
        var times = new List<long>();
        long t = start;
        if (first)
        {
            codes.Add(FirstVisitCode);
            times.Add(t);
            t += random.NextInt(1, 20_000); // same moment in GA4; a few milliseconds here keep the order unambiguous
        }
        codes.Add(Ga4Model.Code(Ga4Model.SessionStart));
        times.Add(t);
        t += random.NextInt(50_000, 1_500_000);
        codes.Add(PageViewCode);
        times.Add(t);

        int current = 0; // page_view in the chain
        int end = Ga4Model.ChainEvents.Count;
        while (codes.Count < MaxEventsPerSession)
        {
            int next = random.Categorical(type.Transition[current]);
            if (next == end) break;
            t += 1_000_000L + (long)Math.Round(random.Exponential(type.MeanSecondsBetweenEvents) * 1_000_000.0);
            codes.Add(next + 2);
            times.Add(t);
            current = next;
        }
        return new SimulatedSession(codes.ToArray(), times.ToArray());
    }

    private static long UnixMicros(DateTime date) => (DateTime.SpecifyKind(date, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;

    private readonly record struct Event(long Time, int User, int Code, long SessionId);
}

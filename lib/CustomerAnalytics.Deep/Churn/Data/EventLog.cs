using System.Globalization;
using CustomerAnalytics.Data;
using CustomerAnalytics.Display;
using Microsoft.Data.Analysis;

namespace CustomerAnalytics.Churn.Data;

/// <summary>
/// A GA4 event export ready for sequence building: events grouped by user and sorted by time, with what had to be
/// fixed on the way (rows without user or timestamp dropped, events out of time order sorted) counted, not hidden.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record EventLog : IHtmlRenderable
{
    /// <summary>Events grouped by user (users in order of their first event, then id), each user's in time order.</summary>
    public required IReadOnlyList<Ga4Event> Events { get; init; }
    /// <summary>The loader's report when the events came from a file.</summary>
    public LoadReport? Report { get; init; }
    /// <summary>Events dropped because user_pseudo_id was empty.</summary>
    public int MissingUser { get; init; }
    /// <summary>Events dropped because event_timestamp was missing or not positive.</summary>
    public int MissingTimestamp { get; init; }
    /// <summary>Events that came earlier in time than the previous event of the same user (they were re-sorted).</summary>
    public int OutOfOrder { get; init; }
    /// <summary>Events without ga_session_id (grouped into one session per user).</summary>
    public int MissingSession { get; init; }

    /// <summary>Distinct users.</summary>
    public int Users => Events.Select(e => e.UserId).Distinct().Count();

    /// <summary>Warnings a reader should see, one per problem, with counts (empty when the input was clean).</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var w = new List<string>();
            if (Report is { RowsRejected: > 0 } r) w.Add($"{r.RowsRejected:N0} row(s) rejected by the loader (missing user or timestamp, bad values): see the load report.");
            if (MissingUser > 0) w.Add($"{MissingUser:N0} event(s) without user_pseudo_id dropped.");
            if (MissingTimestamp > 0) w.Add($"{MissingTimestamp:N0} event(s) without a valid event_timestamp dropped.");
            if (OutOfOrder > 0) w.Add($"{OutOfOrder:N0} event(s) were out of time order within their user and were sorted by event_timestamp.");
            if (MissingSession > 0) w.Add($"{MissingSession:N0} event(s) without ga_session_id were put in one session per user" +
                (Report?.Notes.Any(n => n.Column == "ga_session_id") == true ? "; the load report lists the first of them." : "."));
            return w;
        }
    }

    /// <summary>
    /// Loads a local GA4 export with the validating loader: a CSV in the flattened shape, or a BigQuery
    /// export in newline-delimited JSON (.json, .jsonl, .ndjson, or recognised by its content; see
    /// <see cref="DatasetLoader.LoadGa4"/>). Rejected rows and events without a session id are in <see cref="Report"/>.
    /// </summary>
    public static EventLog Load(string path, LoadOptions? options = null)
    {
        var loaded = DatasetLoader.LoadGa4(path, options);
        return FromDataFrame(loaded.Frame) with { Report = loaded.Report };
    }

    /// <summary>Events from a DataFrame with the columns user_pseudo_id, ga_session_id, event_timestamp, event_name.</summary>
    public static EventLog FromDataFrame(DataFrame frame)
    {
        string[] needed = ["user_pseudo_id", "ga_session_id", "event_timestamp", "event_name"];
        var names = frame.Columns.Select(c => c.Name).ToArray();
        var missing = needed.Where(n => !names.Contains(n)).ToArray();
        if (missing.Length > 0)
            throw new ChurnDataException($"The events table lacks column(s) {string.Join(", ", missing)}; expected {string.Join(", ", needed)}, found {string.Join(", ", names)}.");
        var user = frame.Columns["user_pseudo_id"];
        var session = frame.Columns["ga_session_id"];
        var time = frame.Columns["event_timestamp"];
        var name = frame.Columns["event_name"];
        var events = new List<(string?, long?, long?, string?)>((int)frame.Rows.Count);
        for (long i = 0; i < frame.Rows.Count; i++)
            events.Add((user[i] as string, ToLong(session[i]), ToLong(time[i]), name[i] as string));
        return FromRows(events);
    }

    /// <summary>Events from raw values, validating each: the entry point for hand-made logs in tests and apps.</summary>
    public static EventLog FromRows(IEnumerable<(string? User, long? Session, long? Timestamp, string? Name)> rows)
    {
        int missingUser = 0, missingTime = 0, missingSession = 0;
        var kept = new List<Ga4Event>();
        foreach (var (user, session, timestamp, name) in rows)
        {
            if (string.IsNullOrWhiteSpace(user)) { missingUser++; continue; }
            if (timestamp is not > 0) { missingTime++; continue; }
            if (session is null) missingSession++;
            kept.Add(new Ga4Event(user, session, timestamp.Value, string.IsNullOrWhiteSpace(name) ? "(not set)" : name));
        }
        return FromEvents(kept) with { MissingUser = missingUser, MissingTimestamp = missingTime, MissingSession = missingSession };
    }

    /// <summary>
    /// Groups valid events by user and sorts them so that the order of the file's rows does not matter: users by their
    /// first event's time (then by id, for users who start at the same microsecond), each user's events by time, then
    /// event name, then session id (exports do not keep a meaningful row order; BigQuery's has none).
    /// </summary>
    public static EventLog FromEvents(IEnumerable<Ga4Event> events)
    {
        var byUser = new Dictionary<string, List<Ga4Event>>();
        int outOfOrder = 0;
        foreach (var e in events)
        {
            if (!byUser.TryGetValue(e.UserId, out var list)) byUser[e.UserId] = list = [];
            if (list.Count > 0 && e.Timestamp < list[^1].Timestamp) outOfOrder++;
            list.Add(e);
        }
        var sorted = byUser.Values
            .Select(list => list.OrderBy(e => e.Timestamp).ThenBy(e => e.EventName, StringComparer.Ordinal).ThenBy(e => e.SessionId ?? -1).ToList())
            .OrderBy(list => list[0].Timestamp).ThenBy(list => list[0].UserId, StringComparer.Ordinal)
            .SelectMany(list => list).ToList();
        return new EventLog { Events = sorted, OutOfOrder = outOfOrder };
    }

    /// <summary>Each user's events in time order.</summary>
    public IEnumerable<IGrouping<string, Ga4Event>> ByUser() => Events.GroupBy(e => e.UserId);

    private static long? ToLong(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        double d when double.IsFinite(d) => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Events.Count:N0} events from {Users:N0} users") +
        string.Concat(Warnings.Select(w => Environment.NewLine + "warning: " + w));

    /// <inheritdoc />
    public string ToHtml() =>
        (Report?.ToHtml() ?? "") +
        Html.Table(["events", "users", "dropped: no user", "dropped: no timestamp", "re-sorted", "no session id"],
            [[Events.Count, Users, MissingUser, MissingTimestamp, OutOfOrder, MissingSession]], "Event log") +
        string.Concat(Warnings.Select(w => $"<p><b>warning:</b> {Html.Encode(w)}</p>"));
}

using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Churn.Data;

/// <summary>Turns an <see cref="EventLog"/> into the two datasets of the workshop.</summary>
public static class SequenceBuilder
{
    /// <summary>
    /// Next-event examples: for every session and every event after its first, the session's earlier events
    /// (the last <see cref="SequenceOptions.MaxNextEventLength"/>) are the input and that event is the target.
    /// Every prefix is an example (not only the session's last event, which here is always user_engagement),
    /// so the test accuracy compares directly with the generator's best achievable accuracy.
    /// </summary>
    public static SequenceDataset NextEvent(EventLog log, SequenceOptions? options = null, Vocabulary? vocabulary = null)
    {
        options ??= SequenceOptions.Default;
        if (log.Events.Count == 0) throw new ChurnDataException("The event log is empty: load a GA4 export with DatasetLoader or EventLog.Load first.");
        vocabulary ??= Vocabulary.Build([log.Events.Select(e => e.EventName)]);
        var sequences = new List<int[]>(); var labels = new List<int>(); var users = new List<string>();
        var sessions = new List<IReadOnlyList<string>>(); var positions = new List<(int, int)>();
        foreach (var user in log.ByUser())
            foreach (var session in user.GroupBy(e => e.SessionId ?? -1))
            {
                var names = session.Select(e => e.EventName).ToArray();
                var ids = vocabulary.Encode(names);
                sessions.Add(names);
                for (int t = 1; t < ids.Length; t++)
                {
                    int start = Math.Max(0, t - options.MaxNextEventLength);
                    sequences.Add(ids[start..t]);
                    labels.Add(ids[t]);
                    users.Add(user.Key);
                    positions.Add((sessions.Count - 1, t));
                }
            }
        return new SequenceDataset
        {
            Task = SequenceTask.NextEvent, Sequences = sequences, Labels = labels, UserIds = users,
            ClassNames = vocabulary.Tokens, Vocabulary = vocabulary, Sessions = sessions, SessionPositions = positions,
        };
    }

    /// <summary>
    /// Churn examples: one per user who did not bounce and is not censored; the input is the user's events before first engagement +
    /// the observation window (the last <see cref="SequenceOptions.MaxChurnLength"/> of them), the label 1 = churned.
    /// </summary>
    public static SequenceDataset Churn(EventLog log, ChurnLabels labels, SequenceOptions? options = null, Vocabulary? vocabulary = null)
    {
        options ??= SequenceOptions.Default;
        if (log.Events.Count == 0) throw new ChurnDataException("The event log is empty: load a GA4 export with DatasetLoader or EventLog.Load first.");
        vocabulary ??= Vocabulary.Build([log.Events.Select(e => e.EventName)]);
        long window = Ga4Event.Micros(options.ObservationWindow ?? labels.Options.ChurnWindow);
        var byUser = labels.Users.ToDictionary(u => u.UserId);
        var sequences = new List<int[]>(); var ys = new List<int>(); var users = new List<string>();
        foreach (var user in log.ByUser())
        {
            if (!byUser.TryGetValue(user.Key, out var label) || label.Bounced || label.Censored) continue;
            var names = user.Where(e => e.Timestamp < label.FirstEngagement!.Value + window).Select(e => e.EventName).ToArray();
            var ids = vocabulary.Encode(names);
            sequences.Add(ids[Math.Max(0, ids.Length - options.MaxChurnLength)..]);
            ys.Add(label.Churned ? 1 : 0);
            users.Add(user.Key);
        }
        if (sequences.Count == 0) throw new ChurnDataException("No user is left for the churn model: every user bounced, never engaged or is censored (first engaged less than the churn window before the export ends). Check the engagement event name, the bounce window and the churn window.");
        return new SequenceDataset
        {
            Task = SequenceTask.Churn, Sequences = sequences, Labels = ys, UserIds = users,
            ClassNames = ["retained", "churned"], Vocabulary = vocabulary,
        };
    }
}

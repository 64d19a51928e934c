using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Churn.Data;

/// <summary>Churn and bounce labels for every user of an event log, with the group counts.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ChurnLabels(IReadOnlyList<UserChurnLabel> Users, ChurnLabelOptions Options) : IHtmlRenderable
{
    /// <summary>Labels every user of <paramref name="log"/>: first and last engagement event, then the two windows.</summary>
    public static ChurnLabels Compute(EventLog log, ChurnLabelOptions? options = null)
    {
        options ??= ChurnLabelOptions.Default;
        long churn = Ga4Event.Micros(options.ChurnWindow), bounce = Ga4Event.Micros(options.BounceWindow);
        long end = log.Events.Count == 0 ? 0 : log.Events.Max(e => e.Timestamp); // the export's last event
        var labels = new List<UserChurnLabel>();
        foreach (var user in log.ByUser())
        {
            long? first = null, last = null;
            foreach (var e in user)
                if (e.EventName == options.EngagementEvent)
                {
                    first = first is { } f ? Math.Min(f, e.Timestamp) : e.Timestamp;
                    last = last is { } l ? Math.Max(l, e.Timestamp) : e.Timestamp;
                }
            // Same as Google's query: churned = last < first + 24 h; bounced = last <= first + 10 min.
            // A user whose churn window runs past the export's end has not had the time to come back: censored.
            bool censored = first is not null && first + churn > end;
            bool churned = !censored && (first is null || last < first + churn);
            bool bounced = !censored && (first is null || last <= first + bounce);
            labels.Add(new UserChurnLabel(user.Key, first, last, churned, bounced, censored));
        }
        return new ChurnLabels(labels, options);
    }

    /// <summary>Users whose churn window runs past the end of the export (left out of churn models: not yet known).</summary>
    public int Censored => Users.Count(u => u.Censored);
    /// <summary>Users who bounced (left out of churn models).</summary>
    public int Bounced => Users.Count(u => u.Bounced);
    /// <summary>Users who did not bounce and churned.</summary>
    public int Churned => Users.Count(u => !u.Bounced && u.Churned);
    /// <summary>Users who did not bounce and came back after the churn window (censored users are not).</summary>
    public int Retained => Users.Count(u => !u.Censored && !u.Bounced && !u.Churned);
    /// <summary>Users without any engagement event (included in <see cref="Bounced"/>).</summary>
    public int NeverEngaged => Users.Count(u => !u.Engaged);
    /// <summary>Churn rate among users who did not bounce.</summary>
    public double ChurnRate => Churned + Retained == 0 ? 0 : Churned / (double)(Churned + Retained);

    /// <summary>The label of one user (throws when the user is unknown).</summary>
    public UserChurnLabel this[string userId] => Users.First(u => u.UserId == userId);

    /// <summary>Group names and counts in display order: retained, churned, bounced, censored.</summary>
    public IReadOnlyList<(string Group, int Users)> Counts => [("retained", Retained), ("churned", Churned), ("bounced", Bounced), ("censored", Censored)];

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Users.Count:N0} users: {Retained:N0} retained, {Churned:N0} churned, {Bounced:N0} bounced ({NeverEngaged:N0} never engaged), {Censored:N0} censored; churn rate among non-bounced {ChurnRate:P1}");

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["group", "users", "share"],
        Counts.Select(c => new object?[] { c.Group, c.Users, Users.Count == 0 ? 0 : Math.Round(c.Users / (double)Users.Count, 3) })
            .Append(["total", Users.Count, 1.0]),
        string.Create(CultureInfo.InvariantCulture, $"Churn: no {Options.EngagementEvent} {Options.ChurnWindow.TotalHours:0.##} h after the first; bounce: all engagement within {Options.BounceWindow.TotalMinutes:0.##} min. Churn rate among non-bounced {ChurnRate:P1}; never engaged {NeverEngaged}. " +
            $"Censored: {Censored:N0} users first engaged less than {Options.ChurnWindow.TotalHours:0.##} h before the export's last event, too late to know whether they come back; they are neither churned nor retained and no model sees them."));
}

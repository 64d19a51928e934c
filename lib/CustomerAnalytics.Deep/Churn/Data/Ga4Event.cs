namespace CustomerAnalytics.Churn.Data;

/// <summary>One GA4 event: who, which session, when (Unix microseconds, as GA4's event_timestamp) and what.</summary>
/// <param name="UserId">user_pseudo_id.</param>
/// <param name="SessionId">ga_session_id (null when the export lacks it: the event then joins the user's session -1).</param>
/// <param name="Timestamp">event_timestamp in microseconds since 1970.</param>
/// <param name="EventName">event_name, e.g. page_view.</param>
public sealed record Ga4Event(string UserId, long? SessionId, long Timestamp, string EventName)
{
    /// <summary>Microseconds in one second (GA4 timestamps are microseconds).</summary>
    public const long MicrosPerSecond = 1_000_000;

    /// <summary>A span as microseconds, the unit of <see cref="Timestamp"/>.</summary>
    public static long Micros(TimeSpan span) => span.Ticks / 10;
}

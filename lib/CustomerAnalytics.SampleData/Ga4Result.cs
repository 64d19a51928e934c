using CustomerAnalytics.Churn.Evaluation;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.SampleData;

/// <summary>What <see cref="Ga4EventGenerator"/> wrote, with the true model and what a perfect predictor could reach.</summary>
/// <param name="EventsPath">The flattened event export.</param>
/// <param name="UserTypesPath">Truth file: user_pseudo_id,user_type,sessions,churned,bounced.</param>
/// <param name="TransitionsPath">Truth file: user_type,from,to,probability (to = "(end)" ends the session).</param>
/// <param name="BestAccuracyPath">Truth file: metric,value.</param>
/// <param name="Users">Users written.</param>
/// <param name="Sessions">Sessions written.</param>
/// <param name="Events">Rows written.</param>
/// <param name="Model">The true process.</param>
/// <param name="BestNextEventAccuracy">Best achievable accuracy of predicting each event after the first of a session
/// from the session's earlier events (mean probability of the Bayes-optimal guess over simulated users).</param>
/// <param name="SampleBestNextEventAccuracy">The same quantity over the sessions actually written.</param>
/// <param name="Truth">Per-user truth, in order of first visit.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record Ga4Result(
    string EventsPath,
    string UserTypesPath,
    string TransitionsPath,
    string BestAccuracyPath,
    int Users,
    int Sessions,
    int Events,
    Ga4Model Model,
    double BestNextEventAccuracy,
    double SampleBestNextEventAccuracy,
    IReadOnlyList<Ga4UserTruth> Truth) : IHtmlRenderable
{
    /// <summary>Share of users who bounced.</summary>
    public double BounceRate => Truth.Count == 0 ? 0 : Truth.Count(t => t.Bounced) / (double)Truth.Count;

    /// <summary>Churn rate among users who did not bounce (the population a churn model is trained on).</summary>
    public double ChurnRateAmongNonBounced
    {
        get
        {
            var kept = Truth.Where(t => !t.Bounced).ToList();
            return kept.Count == 0 ? 0 : kept.Count(t => t.Churned) / (double)kept.Count;
        }
    }

    /// <summary>The files written, with row counts.</summary>
    public IReadOnlyList<GeneratedFile> Files =>
    [
        new("GA4 events", EventsPath, Events),
        new("truth: user types and churn labels", UserTypesPath, Users),
        new("truth: within-session transitions", TransitionsPath, Model.Types.Count * Ga4Model.ChainEvents.Count * (Ga4Model.ChainEvents.Count + 1)),
        new("truth: best achievable accuracy", BestAccuracyPath, 4),
    ];

    /// <inheritdoc />
    public string ToHtml() =>
        GeneratedFile.FilesTable(Files, "GA4-style event sample") +
        Html.Table(["users", "sessions", "events", "bounce rate", "churn rate (non-bounced)", "best next-event accuracy"],
            [[Users, Sessions, Events, BounceRate, ChurnRateAmongNonBounced, BestNextEventAccuracy]]);
}

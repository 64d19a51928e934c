using System.Globalization;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Exercises;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>
/// The checks of workshop 05's exercises: each tests the attendee's code against properties it must have (on this
/// run's export and on made-up users at the definitions' edges), returns a line saying what passed, and otherwise
/// throws <see cref="ExerciseCheckException"/> with one sentence saying what is wrong.
/// </summary>
public static class ChurnChecks
{
    private const long Hour = 3_600_000_000, Minute = 60_000_000;                        // GA4 timestamps are in µs
    private const long End = 1_700_000_000_000_000;                                      // the made-up export's last event

    /// <summary>Made-up users at the edges of the default definitions (24 h churn window, 10 min bounce window,
    /// <c>user_engagement</c>), each with the rule a wrong label breaks; the export ends at <see cref="End"/>.</summary>
    internal static readonly (string User, string Rule, (long At, string Event)[] Events)[] MadeUpUsers =
    [
        ("exactly-24h", "a user churned only when the last engagement is less than the churn window after the first: exactly the window is retained",
            [(End - 60 * Hour, "user_engagement"), (End - 36 * Hour, "user_engagement")]),
        ("just-under-24h", "a user churned when the last engagement is less than the churn window after the first",
            [(End - 60 * Hour, "user_engagement"), (End - 36 * Hour - 1, "user_engagement")]),
        ("exactly-10min", "a user bounced when the last engagement is at most the bounce window after the first: exactly the window is a bounce",
            [(End - 60 * Hour, "user_engagement"), (End - 60 * Hour + 10 * Minute, "user_engagement")]),
        ("never-engaged", "a user with no engagement event has no first or last engagement (null) and counts as churned and bounced, not censored",
            [(End - 50 * Hour, "page_view"), (End - 49 * Hour, "scroll")]),
        ("censored", "a user whose churn window runs past the export's end (first engagement + window > the export's last event) is censored, and neither churned nor bounced",
            [(End - 23 * Hour, "user_engagement"), (End - 22 * Hour, "user_engagement")]),
        ("window-ends-at-export-end", "a user whose churn window ends exactly at the export's last event is not censored",
            [(End - 24 * Hour, "user_engagement"), (End - 24 * Hour + 5 * Minute, "user_engagement")]),
        ("late-page-views", "only the engagement event counts: other events after it change nothing",
            [(End - 60 * Hour, "user_engagement"), (End - 60 * Hour + 5 * Minute, "user_engagement"), (End - 10 * Hour, "page_view")]),
        ("export-end", "a user with no engagement event counts as churned and bounced, not censored",
            [(End, "page_view")]),
    ];

    /// <summary>The made-up export: <see cref="MadeUpUsers"/> and their events.</summary>
    internal static EventLog MadeUpLog() => EventLog.FromEvents(MadeUpUsers.SelectMany(u => u.Events.Select(e => new Ga4Event(u.User, 1, e.At, e.Event))));

    /// <summary>
    /// Checks a labelling rule for one user: on made-up users at the edges (exactly the churn window, exactly the bounce
    /// window, never engaged, censored by the export's end, a window ending exactly at the export's end, later non-engagement events) with the default definitions, then on
    /// every user of this run's export with its definitions, it must give what <see cref="ChurnLabels.Compute"/> gives.
    /// </summary>
    /// <param name="labelUser">The attendee's rule: the user's id, events, the export's last timestamp and the definitions to the label.</param>
    /// <param name="log">This run's export.</param>
    /// <param name="options">This run's definitions.</param>
    /// <exception cref="ExerciseCheckException">A user gets another label, or the function throws.</exception>
    public static string Labels(Func<string, IReadOnlyList<Ga4Event>, long, ChurnLabelOptions, UserChurnLabel> labelUser, EventLog log, ChurnLabelOptions options)
    {
        ArgumentNullException.ThrowIfNull(labelUser);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var madeUp = MadeUpLog();
        var rules = MadeUpUsers.ToDictionary(u => u.User, u => u.Rule);
        Compare(labelUser, madeUp, ChurnLabelOptions.Default, u => $"the made-up user '{u}'", u => rules[u]);
        var users = Compare(labelUser, log, options, u => $"user {u} of this export",
            _ => "label each user from the first and last engagement event, as the definitions above say");
        var labels = ChurnLabels.Compute(log, options);
        return $"Correct: your rule labels all {users:N0} users of this export as ChurnLabels.Compute does ({labels.Churned:N0} churned, {labels.Retained:N0} retained, {labels.Bounced:N0} bounced, {labels.Censored:N0} censored), and the {MadeUpUsers.Length} made-up users at the edges.";
    }

    private static int Compare(Func<string, IReadOnlyList<Ga4Event>, long, ChurnLabelOptions, UserChurnLabel> labelUser, EventLog log,
        ChurnLabelOptions options, Func<string, string> who, Func<string, string> rule)
    {
        long end = log.Events.Count == 0 ? 0 : log.Events.Max(e => e.Timestamp);
        var expected = ChurnLabels.Compute(log, options).Users.ToDictionary(u => u.UserId);
        var count = 0;
        foreach (var user in log.ByUser())
        {
            var events = user.ToList();
            UserChurnLabel? given;
            try { given = labelUser(user.Key, events, end, options); }
            catch (Exception e) when (e is not ExerciseNotDoneException)
            {
                throw new ExerciseCheckException($"On {who(user.Key)} your function throws {e.GetType().Name} ({e.Message.TrimEnd('.')}): it must label every user, engaged or not.");
            }
            var want = expected[user.Key];
            if (given is null || given != want)
                throw new ExerciseCheckException($"Your function labels {who(user.Key)} {Describe(given)} where the definitions give {Describe(want)}: {rule(user.Key)}.");
            count++;
        }
        return count;
    }

    private static string Describe(UserChurnLabel? label) => label is null ? "null" :
        $"'{label.UserId}' (first {label.FirstEngagement?.ToString() ?? "null"}, last {label.LastEngagement?.ToString() ?? "null"}, churned {Lower(label.Churned)}, bounced {Lower(label.Bounced)}, censored {Lower(label.Censored)})";

    private static string Lower(bool value) => value ? "true" : "false";

    /// <summary>
    /// Checks a global attention module: given <see cref="AdditiveAttention"/>'s weights (the parameters have the same
    /// names) and the same outputs of three sequences (the second padded at its last two events, the third with one real
    /// event), padding gets no weight, each sequence's weights sum to one, and the weights and contexts equal the library's.
    /// </summary>
    /// <param name="create">Makes the attendee's module for vectors of the given size.</param>
    /// <exception cref="ExerciseCheckException">A property does not hold, or the module throws.</exception>
    public static string Attention(Func<long, nn.Module<Tensor, Tensor, (Tensor Context, Tensor Weights)>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        using var scope = NewDisposeScope();
        var state = get_rng_state();                                                 // the notebook's random numbers stay as they were
        nn.Module<Tensor, Tensor, (Tensor Context, Tensor Weights)> mine;
        AdditiveAttention library;
        try
        {
            library = new AdditiveAttention(8);
            mine = Attempt(() => create(8), "a size of 8");
        }
        finally { set_rng_state(state); }
        Attempt(() => mine.load_state_dict(library.state_dict()), "AdditiveAttention's weights");
        using var generator = new Generator(7);
        var h = randn([3, 5, 8], generator: generator);
        var mask = tensor(new[] { true, true, true, true, true, true, true, true, false, false, true, false, false, false, false }, [3, 5]);
        using var noGrad = no_grad();
        var (context, weights) = Attempt(() => mine.call(h, mask), "three sequences of 5 events, the second padded at its last 2, the third real at its first only");
        var (libraryContext, libraryWeights) = library.call(h, mask);
        if (weights is null || weights.numel() != 15)
            throw new ExerciseCheckException($"Your weights have shape [{(weights is null ? "null" : string.Join(", ", weights.shape))}]: return one weight per event of each sequence (3 x 5 here, in any shape the library's [B, 1, 1, L] reshapes to).");
        var w = weights.reshape(3, 5).to_type(ScalarType.Float64);
        var onPadding = w.masked_select(mask.logical_not()).abs().sum().item<double>();
        if (onPadding > 1e-6)
            throw new ExerciseCheckException(Invariant($"Your module gives the padded events a total weight of {onPadding:G3}: mask them out before the softmax (MaskedAttention.Softmax, or scores.masked_fill(~mask, -inf)), so padding gets exactly zero."));
        var sums = w.sum(1).cpu().data<double>().ToArray();
        if (sums.Any(x => Math.Abs(x - 1) > 1e-5))
            throw new ExerciseCheckException(Invariant($"Your weights sum to {string.Join(", ", sums.Select(x => x.ToString("G4", CultureInfo.InvariantCulture)))} over the three sequences' events: take the softmax over the events (the last dimension), so each sequence's weights sum to one."));
        var weightGap = (w - libraryWeights.reshape(3, 5).to_type(ScalarType.Float64)).abs().max().item<double>();
        if (weightGap > 1e-5)
            throw new ExerciseCheckException(Invariant($"Your weights differ from AdditiveAttention's by up to {weightGap:G3}: score each output as score(tanh(project(h))), one number an event."));
        if (context is null || context.numel() != 24)
            throw new ExerciseCheckException($"Your context has shape [{(context is null ? "null" : string.Join(", ", context.shape))}]: return one vector of 8 numbers a sequence, [3, 8] here.");
        var contextGap = (context.reshape(3, 8) - libraryContext).abs().max().item<float>();
        if (contextGap > 1e-5)
            throw new ExerciseCheckException(Invariant($"Your context differs from AdditiveAttention's by up to {contextGap:G3}: the context is the weighted sum of the outputs h over the events, with your weights."));
        return "Correct: with AdditiveAttention's weights your module gives its weights and contexts, no weight to padding, and weights that sum to one.";
    }

    /// <summary>
    /// Checks a penalised loss on made-up logits, labels and weights: one number; the plain cross-entropy when
    /// <c>l2</c> is 0 or there are no weights; otherwise the cross-entropy plus <c>l2</c> times the sum of every weight's
    /// squares (<see cref="CustomerAnalytics.Churn.Training.L2Weights.Penalty"/>); and gradients that reach the weights.
    /// </summary>
    /// <param name="penalisedLoss">The attendee's loss: logits, labels, the weights to penalise and l2 to a scalar.</param>
    /// <exception cref="ExerciseCheckException">A property does not hold, or the function throws.</exception>
    public static string PenalisedLoss(Func<Tensor, Tensor, IReadOnlyList<Tensor>, double, Tensor> penalisedLoss)
    {
        ArgumentNullException.ThrowIfNull(penalisedLoss);
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 2, -1, 0.5f, 0.5f, -1, 3 }, [3, 2]);
        var labels = tensor(new long[] { 0, 1, 1 });
        Tensor[] weights = [tensor(new float[] { 1, -2, 3, 0.5f }, [2, 2]), tensor(new float[] { -1, 4 }, [1, 2])];
        var crossEntropy = nn.functional.cross_entropy(logits, labels).item<float>();
        double Loss(IReadOnlyList<Tensor> w, double l2, string input)
        {
            var loss = Attempt(() => penalisedLoss(logits, labels, w, l2), input);
            if (loss is null || loss.numel() != 1)
                throw new ExerciseCheckException($"On {input} your function returns a tensor of shape [{(loss is null ? "null" : string.Join(", ", loss.shape))}]: return one number, the loss of the batch.");
            return loss.detach().cpu().to_type(ScalarType.Float64).item<double>();
        }
        const string three = "3 made-up users and 2 weight tensors (squares summing to 31.25)";
        var plain = Loss(weights, 0, three + " with l2 = 0");
        if (Math.Abs(plain - crossEntropy) > 1e-5)
            throw new ExerciseCheckException(Invariant($"With l2 = 0 your loss is {plain:G5} where the cross-entropy of the logits against the labels is {crossEntropy:G5}: start from nn.functional.cross_entropy(logits, labels), the loss of the batch."));
        var none = Loss([], 0.1, "no weights to penalise and l2 = 0.1");
        if (Math.Abs(none - crossEntropy) > 1e-5)
            throw new ExerciseCheckException(Invariant($"With no weights to penalise your loss is {none:G5} where it is the plain cross-entropy {crossEntropy:G5}: an empty list of weights adds nothing."));
        var penalised = Loss(weights, 0.1, three + " with l2 = 0.1");
        var expected = crossEntropy + 0.1 * 31.25;
        if (Math.Abs(penalised - expected) > 1e-4)
            throw new ExerciseCheckException(Invariant($"With l2 = 0.1 your loss is {penalised:G5} where the cross-entropy plus 0.1 times the sum of the squared weights (31.25) is {expected:G5}: square every number of every weight tensor, add them all up, and multiply by l2."));
        Tensor[] trainable = [.. weights.Select(w => w.clone().requires_grad_(true))];
        var loss = Attempt(() => penalisedLoss(logits, labels, trainable, 0.1), three + " with l2 = 0.1");
        if (!loss.requires_grad)
            throw new ExerciseCheckException("Your loss carries no gradient back to the weights: compute the penalty with tensor operations on the weights themselves (no .item() or .NET numbers), so backward() shrinks them.");
        loss.backward();
        var gradient = trainable[0].grad is { } g ? (g - 0.2 * weights[0]).abs().max().item<float>() : float.PositiveInfinity;
        if (gradient > 1e-5)
            throw new ExerciseCheckException("The gradient of your penalty with respect to a weight is not 2 x l2 x the weight: penalise the squares of the weights themselves, once each.");
        return Invariant($"Correct: your loss is the cross-entropy plus l2 times the sum of the squared weights, and its gradients reach the weights.");
    }

    /// <summary>Made-up attention lifts: an event seen only among churners, one that draws less attention from churners,
    /// two with the same difference (the name decides), and events that draw more.</summary>
    internal static readonly AttentionSummary MadeUpSummary = new(
    [
        new("purchase", "churned", 4.0, 9), new("session_start", "churned", 3.0, 50), new("session_start", "retained", 1.0, 60),
        new("scroll", "churned", 1.5, 20), new("scroll", "retained", 1.0, 30), new("add_to_cart", "churned", 1.2, 12), new("add_to_cart", "retained", 0.7, 14),
        new("page_view", "churned", 0.8, 80), new("page_view", "retained", 1.4, 90), new("view_item", "churned", 0.9, 20), new("view_item", "retained", 0.5, 25),
        new("first_visit", "retained", 2.0, 40),
    ]);

    /// <summary>The events seen in both groups whose lift among churners exceeds their lift among retained users, by the
    /// difference (largest first, then by name), at most <paramref name="n"/>.</summary>
    internal static IReadOnlyList<string> ChurnerEventsOf(AttentionSummary summary, int n)
    {
        var retained = summary.Rows.Where(r => r.Group == "retained").ToDictionary(r => r.Event, r => r.Lift);
        return summary.Rows.Where(r => r.Group == "churned" && retained.TryGetValue(r.Event, out var other) && r.Lift > other)
            .Select(r => (r.Event, Difference: r.Lift - retained[r.Event])).OrderByDescending(x => x.Difference).ThenBy(x => x.Event, StringComparer.Ordinal)
            .Take(n).Select(x => x.Event).ToArray();
    }

    /// <summary>
    /// Checks the events that draw more attention from churners than from retained users: on made-up lifts and on this
    /// run's summary, for several n, it must give <see cref="ChurnerEventsOf"/>'s events in its order.
    /// </summary>
    /// <param name="churnerEvents">The attendee's function: a summary and n to event names.</param>
    /// <param name="summary">This run's attention summary.</param>
    /// <exception cref="ExerciseCheckException">A list differs, or the function throws.</exception>
    public static string ChurnerEvents(Func<AttentionSummary, int, IReadOnlyList<string>> churnerEvents, AttentionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(churnerEvents);
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var (name, s) in new[] { ("made-up lifts", MadeUpSummary), ("this run's attention summary", summary) })
            foreach (var n in new[] { 3, 10, 1, 0 })
            {
                var expected = ChurnerEventsOf(s, n);
                var given = Attempt(() => churnerEvents(s, n), Invariant($"{name} with n = {n}")) ?? [];
                if (!given.SequenceEqual(expected))
                    throw new ExerciseCheckException(Invariant($"On {name} with n = {n} your function gives [{string.Join(", ", given)}] where the answer is [{string.Join(", ", expected)}]: keep the events seen in both groups whose lift among churners is higher than among retained users, largest difference first (then by name), at most n."));
            }
        return $"Correct: on made-up lifts and on this run's summary your function lists the events that draw more attention from churners, largest difference first.";
    }

    // The attendee's code may throw: its TODO placeholder goes through as it is, anything else becomes the check's sentence.
    private static T Attempt<T>(Func<T> attendeeCode, string input)
    {
        try { return attendeeCode(); }
        catch (Exception e) when (e is not ExerciseNotDoneException)
        {
            throw new ExerciseCheckException($"On {input} your code throws {e.GetType().Name} ({e.Message.TrimEnd('.')}): it must give an answer for every such input.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

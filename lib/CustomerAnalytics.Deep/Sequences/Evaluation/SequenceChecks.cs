using System.Globalization;
using CustomerAnalytics.Exercises;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>
/// The checks of workshop 04's exercises: each tests the attendee's code against properties it must have (on this
/// run's model and journeys, and on made-up cases at the edges), returns a line saying what passed, and otherwise
/// throws <see cref="ExerciseCheckException"/> with one sentence saying what is wrong.
/// </summary>
public static class SequenceChecks
{
    /// <summary>
    /// Checks a masked sequence loss: one number; the mean cross-entropy over the real (non-padding) positions of this
    /// run's batch; unchanged when the scores at padded positions change; ln(ids) for uniform scores; lower when a real
    /// target's score rises; and differentiable, since training calls <c>backward()</c> on it.
    /// </summary>
    /// <param name="sequenceLoss">The attendee's loss: logits (journeys, steps, ids) and targets (journeys, steps) to a scalar.</param>
    /// <param name="logits">This run's logits for one batch.</param>
    /// <param name="targets">That batch's decoder targets, <see cref="Vocabulary.PadId"/> where a target is shorter.</param>
    /// <exception cref="ExerciseCheckException">A property does not hold, or the function throws.</exception>
    public static string MaskedLoss(Func<Tensor, Tensor, Tensor> sequenceLoss, Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(sequenceLoss);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        var ids = logits.shape[^1];
        double Loss(Tensor l, Tensor t, string input)
        {
            var loss = Run(() => sequenceLoss(l, t), input);
            if (loss is null || loss.numel() != 1)
                throw new ExerciseCheckException($"On {input} your function returns a tensor of shape [{(loss is null ? "null" : string.Join(", ", loss.shape))}]: return one number, the mean loss over the real positions.");
            return loss.detach().cpu().to_type(ScalarType.Float64).item<double>();
        }

        // Made-up: two journeys of three steps over 6 ids, the second target one step shorter (padded).
        var madeUpTargets = tensor(new long[] { 4, 5, Vocabulary.StopId, 5, Vocabulary.StopId, Vocabulary.PadId }, [2, 3]);
        var madeUp = tensor(Enumerable.Range(0, 36).Select(i => (float)Math.Sin(i)).ToArray(), [2, 3, 6]);
        var padded = (madeUpTargets == Vocabulary.PadId).unsqueeze(-1);
        const string madeUpName = "a made-up batch of two journeys, the second padded at its last step";
        var base_ = Loss(madeUp, madeUpTargets, madeUpName);
        var scrambled = Loss(where(padded, madeUp * -7 + 3, madeUp), madeUpTargets, madeUpName);
        if (!Close(base_, scrambled))
            throw new ExerciseCheckException(Invariant($"Changing the scores at the padded position of {madeUpName} changes your loss from {base_:G5} to {scrambled:G5}: a position whose target is padding (Vocabulary.PadId) must count for nothing (ignore_index)."));

        var uniform = Loss(zeros(2, 3, 6), madeUpTargets, "uniform scores (every id equally likely)");
        if (!Close(uniform, Math.Log(6)))
            throw new ExerciseCheckException(Invariant($"With uniform scores over 6 ids your loss is {uniform:G5}, not ln(6) = {Math.Log(6):G5}: take the mean of the cross-entropy over the real positions, not the sum, and over the ids' scores (the last dimension)."));

        var raised = madeUp.clone();
        raised[1, 1, Vocabulary.StopId] = raised[1, 1, Vocabulary.StopId] + 2;        // the second journey's last real step
        var afterRaise = Loss(raised, madeUpTargets, madeUpName);
        if (!(afterRaise < base_ - 1e-6))
            throw new ExerciseCheckException(Invariant($"Raising the score of the true id at the second journey's last real position of {madeUpName} moves your loss from {base_:G5} to {afterRaise:G5} instead of lowering it: every real position must count, at every step of every journey."));

        var trainable = madeUp.clone().requires_grad_(true);
        var differentiable = Run(() => sequenceLoss(trainable, madeUpTargets), madeUpName);
        if (differentiable is null || !differentiable.requires_grad)
            throw new ExerciseCheckException("Your loss carries no gradient back to the logits: compute it with tensor operations on the logits themselves (no .item(), .detach() or .NET arrays), so training can call backward() on it.");

        var expected = nn.functional.cross_entropy(logits.reshape(-1, ids), targets.reshape(-1), ignore_index: Vocabulary.PadId)
            .detach().cpu().to_type(ScalarType.Float64).item<double>();
        var given = Loss(logits.detach(), targets, "this run's batch");
        if (!Close(given, expected))
            throw new ExerciseCheckException(Invariant($"On this run's batch your loss is {given:G5} where the mean cross-entropy over its {(targets != Vocabulary.PadId).sum().item<long>()} real positions is {expected:G5}: score every real position against its target id and average over those positions only."));
        return Invariant($"Correct: your loss is {given:G5} on this run's batch, ignores padding, gives ln(6) for uniform scores over 6 ids, falls when a true id's score rises, and carries gradients.");
    }

    /// <summary>
    /// Checks a greedy decoder for one journey: on this run's journeys it must give what <see cref="Seq2SeqDecoding.Greedy"/>
    /// gives; on made-up models, an empty prediction when the first choice is &lt;stop&gt;, at most
    /// <see cref="Seq2SeqOptions.MaxTargetLength"/> tokens when &lt;stop&gt; never comes, and never &lt;pad&gt;,
    /// &lt;start&gt; or &lt;unk&gt;.
    /// </summary>
    /// <param name="greedyDecode">The attendee's decoder: model and journey to the predicted ids, without &lt;stop&gt;.</param>
    /// <param name="model">This run's trained model.</param>
    /// <param name="vocabulary">Its vocabulary, to name the tokens in the sentence.</param>
    /// <param name="journeys">This run's journeys to decode (the test journeys).</param>
    /// <exception cref="ExerciseCheckException">A prediction differs, or the function throws.</exception>
    public static string Greedy(Func<Seq2SeqModel, EncodedPair, int[]> greedyDecode, Seq2SeqModel model, Vocabulary vocabulary, IReadOnlyList<EncodedPair> journeys)
    {
        ArgumentNullException.ThrowIfNull(greedyDecode);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(journeys);
        foreach (var (name, madeUp, expected, rule) in MadeUpDecoders(model.Device))
        {
            var given = Run(() => greedyDecode(madeUp, MadeUpJourney), name) ?? [];
            if (!given.SequenceEqual(expected))
                throw new ExerciseCheckException($"On {name} your function gives [{string.Join(", ", given)}] where greedy decoding gives [{string.Join(", ", expected)}]: {rule}");
        }
        var library = Seq2SeqDecoding.Greedy(model, journeys);
        for (var i = 0; i < journeys.Count; i++)
        {
            var given = Run(() => greedyDecode(model, journeys[i]), $"test journey {journeys[i].Id}") ?? [];
            if (given.SequenceEqual(library[i].Ids)) continue;
            var alone = Seq2SeqDecoding.Greedy(model, [journeys[i]])[0].Ids;           // a batch of one: no near tie regrouped
            if (given.SequenceEqual(alone)) continue;
            throw new ExerciseCheckException($"On test journey {journeys[i].Id} ({Tokens(vocabulary, journeys[i].Input)}) your function gives [{Tokens(vocabulary, given)}] where greedy decoding gives [{Tokens(vocabulary, alone)}]: at every step take the most likely token the decoder may emit, feed it back as the next input, and carry the LSTM state (Hidden, Cell) from step to step.");
        }
        return $"Correct: your loop decodes all {journeys.Count:N0} test journeys as Seq2SeqDecoding.Greedy does, and handles made-up models that stop at once, never stop, or favour <pad>, <start> and <unk>.";
    }

    /// <summary>The journey the made-up decoders read (their output ignores it).</summary>
    internal static readonly EncodedPair MadeUpJourney = new("made-up", [4, 5, 6], [4]);

    /// <summary>Made-up models over 7 ids (the 4 special ones, then 4, 5, 6) whose scores are a fixed bias, so the
    /// greedy answer is known: &lt;stop&gt; first; never &lt;stop&gt;; the specials above a touchpoint.</summary>
    internal static IEnumerable<(string Name, Seq2SeqModel Model, int[] Expected, string Rule)> MadeUpDecoders(Device device)
    {
        const int maxTarget = 3;
        yield return ("a made-up model whose first choice is <stop>", Constant(device, maxTarget, (Vocabulary.StopId, 5), (4, 4)), [],
            "when the most likely token is <stop>, stop before keeping it (here the prediction is empty).");
        yield return ("a made-up model that never chooses <stop>", Constant(device, maxTarget, (4, 5), (Vocabulary.StopId, -5)), [4, 4, 4],
            $"when <stop> never comes, stop after model.Options.MaxTargetLength tokens (here {maxTarget}).");
        yield return ("a made-up model that scores <unk>, <start> and <pad> above every touchpoint",
            Constant(device, maxTarget, (Vocabulary.UnknownId, 9), (Vocabulary.StartId, 8), (Vocabulary.PadId, 7), (5, 5)), [5, 5, 5],
            "choose only among the tokens the decoder may emit (Seq2SeqDecoding.Emittable rules out <pad>, <start> and <unk>).");
    }

    // A model whose every score is a fixed bias (output weights zero); torch's global random state is left as it was.
    private static Seq2SeqModel Constant(Device device, int maxTarget, params (int Id, float Score)[] scores)
    {
        var state = get_rng_state();
        var model = new Seq2SeqModel(7, new Seq2SeqOptions { EmbeddingSize = 4, HiddenSize = 4, MaxInputLength = 4, MaxTargetLength = maxTarget });
        set_rng_state(state);
        model.to(device).eval();
        using var noGrad = no_grad();
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        parameters["output.weight"].zero_();
        var bias = parameters["output.bias"];
        bias.zero_();
        foreach (var (id, score) in scores) bias[id].fill_(score);
        return model;
    }

    /// <summary>
    /// Checks a top-k next-touchpoint accuracy: on this run's decoded test journeys at k = 1 and 3 it must give
    /// <see cref="SequenceEvaluation.NextTop1"/> and <see cref="SequenceEvaluation.NextTop3"/>; on made-up journeys
    /// the share whose true next id is among the k most probable first-step ids, 1 when k exceeds the ids.
    /// </summary>
    /// <param name="topK">The attendee's function: decoded journeys, the journeys, k to the share.</param>
    /// <param name="decoded">This run's decoded test journeys (their first-step probabilities).</param>
    /// <param name="journeys">The test journeys, in the same order.</param>
    /// <exception cref="ExerciseCheckException">A share differs, or the function throws.</exception>
    public static string TopK(Func<IReadOnlyList<DecodedSequence>, IReadOnlyList<EncodedPair>, int, double> topK,
        IReadOnlyList<DecodedSequence> decoded, IReadOnlyList<EncodedPair> journeys)
    {
        ArgumentNullException.ThrowIfNull(topK);
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(journeys);
        var cases = new[] { (MadeUpName, MadeUpDecoded, MadeUpPairs, 1), (MadeUpName, MadeUpDecoded, MadeUpPairs, 2),
            (MadeUpName, MadeUpDecoded, MadeUpPairs, 3), (MadeUpName, MadeUpDecoded, MadeUpPairs, 10),
            ("this run's test journeys", decoded, journeys, 1), ("this run's test journeys", decoded, journeys, 3) };
        foreach (var (name, d, j, k) in cases)
        {
            var expected = TopKShare(d, j, k);
            var given = Run(() => topK(d, j, k), Invariant($"{name} with k = {k}"));
            if (!(Math.Abs(given - expected) < 1e-9))
                throw new ExerciseCheckException(Invariant($"On {name} with k = {k} your function gives {given:0.####} where the share is {expected:0.####}: count the journeys whose true next touchpoint (journey.Target[0]) is among the k ids of highest first-step probability (FirstStepProbabilities), and divide by the number of journeys."));
        }
        return Invariant($"Correct: top-1 {TopKShare(decoded, journeys, 1):0.###} and top-3 {TopKShare(decoded, journeys, 3):0.###} on this run's {journeys.Count:N0} test journeys, and the right shares on {MadeUpPairs.Length} made-up journeys at k = 1, 2, 3 and 10.");
    }

    /// <summary>The share of journeys whose first target id is among the <paramref name="k"/> most probable first-step
    /// ids (ties to the lower id), as <see cref="SequenceEvaluation"/> computes top-1 and top-3.</summary>
    internal static double TopKShare(IReadOnlyList<DecodedSequence> decoded, IReadOnlyList<EncodedPair> journeys, int k) =>
        journeys.Count == 0 ? 0 : journeys.Select((j, i) => decoded[i].FirstStepProbabilities.Select((p, id) => (p, id))
            .OrderByDescending(x => x.p).ThenBy(x => x.id).Take(k).Any(x => x.id == j.Target[0])).Count(hit => hit) / (double)journeys.Count;

    private const string MadeUpName = "4 made-up journeys";

    /// <summary>Made-up first steps over 7 ids whose true next ids rank second, first, second and third (shares 1/4,
    /// 3/4, 1 at k = 1, 2, 3), and whose last target ids rank third (a slip that reads the last target shows).</summary>
    internal static readonly EncodedPair[] MadeUpPairs =
        [new("a", [4], [5, 4]), new("b", [5], [4]), new("c", [6], [6, 5]), new("d", [4, 5], [6])];

    internal static readonly DecodedSequence[] MadeUpDecoded =
    [
        First(0.1f, 0.2f, 0.3f, 0.4f), First(0.05f, 0.6f, 0.25f, 0.1f), First(0.5f, 0.1f, 0.15f, 0.25f), First(0.1f, 0.3f, 0.4f, 0.2f),
    ];

    // First-step probabilities of <stop> and ids 4-6; <pad>, <unk> and <start> get none, as the decoder never emits them.
    private static DecodedSequence First(float stop, float a, float b, float c) => new([], [0, 0, 0, stop, a, b, c], [], 0);

    // The attendee's code may throw: its TODO placeholder goes through as it is, anything else becomes the check's sentence.
    private static T Run<T>(Func<T> attendeeCode, string input)
    {
        try { return attendeeCode(); }
        catch (Exception e) when (e is not ExerciseNotDoneException)
        {
            throw new ExerciseCheckException($"On {input} your function throws {e.GetType().Name} ({e.Message.TrimEnd('.')}): it must give an answer for every such input.");
        }
    }

    private static string Tokens(Vocabulary vocabulary, IEnumerable<int> ids) =>
        string.Join(" ", ids.Select(id => id >= 0 && id < vocabulary.Count ? vocabulary.TokenOf(id) : $"#{id}"));

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-4 * Math.Max(1, Math.Abs(b));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

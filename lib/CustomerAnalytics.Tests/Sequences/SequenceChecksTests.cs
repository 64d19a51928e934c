using CustomerAnalytics.Exercises;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Evaluation;
using CustomerAnalytics.Sequences.Models;
using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Tests.Sequences;

/// <summary>
/// Workshop 04's exercise checks: a correct answer passes every check; a wrong one (each of the usual slips, written
/// here on purpose) gets the check's sentence saying what is wrong; an answer left as its TODO stops with the TODO.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class SequenceChecksTests
{
    private static (Vocabulary Vocabulary, IReadOnlyList<EncodedPair> Pairs, Seq2SeqModel Model) Untrained()
    {
        var (vocabulary, pairs) = SequenceTestData.Encoded(40);
        return (vocabulary, pairs, Seq2SeqModel.Create(vocabulary.Count, SequenceTestData.SmallModel(), 3, TorchDevice.Current));
    }

    // ---- the masked loss ----

    private static Tensor CorrectLoss(Tensor logits, Tensor targets) =>
        nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1), ignore_index: Vocabulary.PadId);

    private static (Tensor Logits, Tensor Targets) Batch()
    {
        var (_, pairs, model) = Untrained();
        var batch = SequenceBatch.Create(pairs, model.Device);
        return (model.call(batch.Inputs, batch.InputLengths, batch.DecoderInputs), batch.DecoderTargets);
    }

    [Fact]
    public void A_correct_loss_passes_on_the_batch_and_the_made_up_cases()
    {
        var (logits, targets) = Batch();
        Assert.Contains(targets.data<long>().ToArray(), id => id == Vocabulary.PadId); // the batch has padding to ignore
        var message = SequenceChecks.MaskedLoss(CorrectLoss, logits, targets);
        Assert.StartsWith("Correct: your loss is ", message);
    }

    public static TheoryData<string, Func<Tensor, Tensor, Tensor>, string> WrongLosses => new()
    {
        { "padding counted", (l, t) => nn.functional.cross_entropy(l.reshape(-1, l.shape[^1]), t.reshape(-1)), "Changing the scores at the padded position" },
        { "sum, not mean", (l, t) => nn.functional.cross_entropy(l.reshape(-1, l.shape[^1]), t.reshape(-1), ignore_index: Vocabulary.PadId, reduction: nn.Reduction.Sum), "With uniform scores over 6 ids your loss is" },
        { "first step only", (l, t) => nn.functional.cross_entropy(l[.., 0], t[.., 0], ignore_index: Vocabulary.PadId), "Raising the score of the true id" },
        { "detached", (l, t) => CorrectLoss(l.detach(), t), "Your loss carries no gradient back to the logits" },
        { "one loss a position", (l, t) => nn.functional.cross_entropy(l.reshape(-1, l.shape[^1]), t.reshape(-1), ignore_index: Vocabulary.PadId, reduction: nn.Reduction.None), "On a made-up batch of two journeys, the second padded at its last step your function returns a tensor of shape [6]" },
        { "softmax before cross-entropy", (l, t) => CorrectLoss(nn.functional.softmax(l, -1), t), "On this run's batch your loss is" },
    };

    [Theory, MemberData(nameof(WrongLosses))]
    public void A_wrong_loss_gets_its_sentence(string slip, Func<Tensor, Tensor, Tensor> wrong, string sentence)
    {
        var (logits, targets) = Batch();
        var e = Assert.Throws<ExerciseCheckException>(() => SequenceChecks.MaskedLoss(wrong, logits, targets));
        Assert.StartsWith(sentence, e.WhatIsWrong);
        Assert.EndsWith(".", e.WhatIsWrong);
        Assert.False(string.IsNullOrEmpty(slip));
    }

    [Fact]
    public void A_loss_left_as_its_todo_stops_with_the_todo()
    {
        var (logits, targets) = Batch();
        var e = Assert.Throws<ExerciseNotDoneException>(() => SequenceChecks.MaskedLoss((_, _) => Exercise.Todo<Tensor>("write SequenceLoss"), logits, targets));
        Assert.Equal("write SequenceLoss", e.WhatToWrite);
    }

    // ---- greedy decoding ----

    // The notebook's solution, as an attendee would write it; the slips below change one thing in it.
    private static int[] Decode(Seq2SeqModel model, EncodedPair journey, bool emittable = true, bool keepStop = false, int extra = 0, bool feedBack = true)
    {
        using var scope = NewDisposeScope(); using var noGrad = no_grad();
        using var batch = SequenceBatch.Create([journey], model.Device);
        var encoded = model.Encode(batch.Inputs, batch.InputLengths);
        var start = tensor(new long[] { Vocabulary.StartId }, [1, 1], device: model.Device);
        var (ids, token, state) = (new List<int>(), start, ((Tensor?)null, (Tensor?)null));
        while (ids.Count < model.Options.MaxTargetLength + extra)
        {
            var step = model.Decode(encoded, token, state);
            var logits = step.Logits.squeeze(1);
            (token, state) = ((emittable ? Seq2SeqDecoding.Emittable(logits) : logits).argmax(-1, keepdim: true), (step.Hidden, step.Cell));
            var id = (int)token.cpu().item<long>();
            if (keepStop) ids.Add(id);
            if (id == Vocabulary.StopId) break;
            if (!keepStop) ids.Add(id);
            if (!feedBack) token = start;
        }
        return ids.ToArray();
    }

    [Fact]
    public void A_correct_greedy_loop_passes_on_the_journeys_and_every_made_up_model()
    {
        var (vocabulary, pairs, model) = Untrained();
        var before = get_rng_state().data<byte>().ToArray();
        var message = SequenceChecks.Greedy((m, j) => Decode(m, j), model, vocabulary, pairs);
        Assert.Equal($"Correct: your loop decodes all {pairs.Count} test journeys as Seq2SeqDecoding.Greedy does, and handles made-up models that stop at once, never stop, or favour <pad>, <start> and <unk>.", message);
        Assert.Equal(before, get_rng_state().data<byte>().ToArray());                // the made-up models draw no random number the notebook would miss
        Assert.All(SequenceChecks.MadeUpDecoders(model.Device), d => Assert.Equal(d.Expected, Seq2SeqDecoding.Greedy(d.Model, [SequenceChecks.MadeUpJourney])[0].Ids));
    }

    public static TheoryData<string, Func<Seq2SeqModel, EncodedPair, int[]>, string> WrongDecoders => new()
    {
        { "keeps <stop>", (m, j) => Decode(m, j, keepStop: true), "On a made-up model whose first choice is <stop> your function gives [3] where greedy decoding gives []" },
        { "one token too many", (m, j) => Decode(m, j, extra: 1), "On a made-up model that never chooses <stop> your function gives [4, 4, 4, 4] where greedy decoding gives [4, 4, 4]" },
        { "<unk> allowed", (m, j) => Decode(m, j, emittable: false), "On a made-up model that scores <unk>, <start> and <pad> above every touchpoint your function gives [1, 1, 1]" },
        { "<start> fed every step", (m, j) => Decode(m, j, feedBack: false), "On test journey " },
        { "throws", (_, _) => throw new InvalidOperationException("no tokens"), "On a made-up model whose first choice is <stop> your function throws InvalidOperationException (no tokens)" },
    };

    [Theory, MemberData(nameof(WrongDecoders))]
    public void A_wrong_greedy_loop_gets_its_sentence(string slip, Func<Seq2SeqModel, EncodedPair, int[]> wrong, string sentence)
    {
        var (vocabulary, pairs, model) = Untrained();
        using (no_grad())                                                            // sharper scores: the fed-back token decides the next choice
            foreach (var (name, weight) in model.named_parameters().Where(p => !p.name.StartsWith("output", StringComparison.Ordinal)))
                weight.mul_(6);
        var e = Assert.Throws<ExerciseCheckException>(() => SequenceChecks.Greedy(wrong, model, vocabulary, pairs));
        Assert.StartsWith(sentence, e.WhatIsWrong);
        Assert.False(string.IsNullOrEmpty(slip));
    }

    // ---- top-k next-touchpoint accuracy ----

    private static double CorrectTopK(IReadOnlyList<DecodedSequence> decoded, IReadOnlyList<EncodedPair> journeys, int k) =>
        journeys.Where((j, i) => decoded[i].FirstStepProbabilities.Select((p, id) => (p, id)).OrderByDescending(x => x.p)
            .Take(k).Any(x => x.id == j.Target[0])).Count() / (double)journeys.Count;

    [Fact]
    public void A_correct_top_k_passes_and_matches_the_evaluations_top_1_and_top_3()
    {
        var (vocabulary, pairs, model) = Untrained();
        var decoded = Seq2SeqDecoding.Greedy(model, pairs);
        var evaluation = SequenceEvaluation.Evaluate(model, vocabulary, pairs, "visit");
        var message = SequenceChecks.TopK(CorrectTopK, decoded, pairs);
        Assert.StartsWith($"Correct: top-1 {evaluation.NextTop1:0.###} and top-3 {evaluation.NextTop3:0.###} on this run's {pairs.Count} test journeys", message);
        Assert.Equal([0.25, 0.75, 1, 1], new[] { 1, 2, 3, 10 }.Select(k => CorrectTopK(SequenceChecks.MadeUpDecoded, SequenceChecks.MadeUpPairs, k)));
    }

    public static TheoryData<string, Func<IReadOnlyList<DecodedSequence>, IReadOnlyList<EncodedPair>, int, double>, string> WrongTopKs => new()
    {
        { "least probable first", (d, j, k) => j.Where((p, i) => d[i].FirstStepProbabilities.Select((q, id) => (q, id)).OrderBy(x => x.q).Take(k).Any(x => x.id == p.Target[0])).Count() / (double)j.Count,
            "On 4 made-up journeys with k = 1 your function gives 0 where the share is 0.25" },
        { "last target", (d, j, k) => j.Where((p, i) => d[i].FirstStepProbabilities.Select((q, id) => (q, id)).OrderByDescending(x => x.q).Take(k).Any(x => x.id == p.Target[^1])).Count() / (double)j.Count,
            "On 4 made-up journeys with k = 2 your function gives 0.25 where the share is 0.75" },
        { "k + 1 ids", (d, j, k) => CorrectTopK(d, j, k + 1), "On 4 made-up journeys with k = 1 your function gives 0.75 where the share is 0.25" },
        { "a count, not a share", (d, j, k) => CorrectTopK(d, j, k) * j.Count, "On 4 made-up journeys with k = 1 your function gives 1 where the share is 0.25" },
        { "a slice past the ids", (d, j, k) => j.Where((p, i) => d[i].FirstStepProbabilities.Select((q, id) => (q, id)).OrderByDescending(x => x.q).ToArray()[..k].Any(x => x.id == p.Target[0])).Count() / (double)j.Count,
            "On 4 made-up journeys with k = 10 your function throws ArgumentOutOfRangeException" },
    };

    [Theory, MemberData(nameof(WrongTopKs))]
    public void A_wrong_top_k_gets_its_sentence(string slip, Func<IReadOnlyList<DecodedSequence>, IReadOnlyList<EncodedPair>, int, double> wrong, string sentence)
    {
        var (_, pairs, model) = Untrained();
        var e = Assert.Throws<ExerciseCheckException>(() => SequenceChecks.TopK(wrong, Seq2SeqDecoding.Greedy(model, pairs), pairs));
        Assert.StartsWith(sentence, e.WhatIsWrong);
        Assert.False(string.IsNullOrEmpty(slip));
    }
}

using static TorchSharp.torch;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences.Data;

namespace CustomerAnalytics.Sequences.Models;

/// <summary>
/// Inference with a trained <see cref="Seq2SeqModel"/>: greedy decoding (the most likely token at each
/// step), beam search (keeps the best few partial sequences) and sampling (for probabilities of events
/// such as "a visit appears"). The decoder never emits padding, start or unknown.
/// </summary>
public static class Seq2SeqDecoding
{
    /// <summary>Greedy decoding of a batch of encoded inputs (processed in chunks of <paramref name="batchSize"/>).</summary>
    public static IReadOnlyList<DecodedSequence> Greedy(Seq2SeqModel model, IReadOnlyList<EncodedPair> pairs, int batchSize = 256)
    {
        var results = new List<DecodedSequence>(pairs.Count);
        model.eval();
        foreach (var chunk in pairs.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            using var batch = SequenceBatch.Create(chunk, model.Device);
            var encoded = model.Encode(batch.Inputs, batch.InputLengths);
            int n = chunk.Length, steps = model.Options.MaxTargetLength + 1;
            var tokens = full(n, 1, Vocabulary.StartId, dtype: ScalarType.Int64, device: model.Device);
            (Tensor? h, Tensor? c) state = (null, null);
            var ids = new List<int>[n];
            var attention = new List<float[]>[n];
            var done = new bool[n];
            var score = new double[n];
            float[][] first = [];
            for (int i = 0; i < n; i++) { ids[i] = []; attention[i] = []; }
            for (int step = 0; step < steps && !done.All(d => d); step++)
            {
                var result = model.Decode(encoded, tokens, state);
                state = (result.Hidden, result.Cell);
                var logProbs = nn.functional.log_softmax(Emittable(result.Logits.squeeze(1)), -1);
                if (step == 0) first = Rows(logProbs.exp());
                var next = logProbs.argmax(-1);
                var chosen = next.cpu().data<long>().ToArray();
                var chosenLogProb = logProbs.gather(1, next.unsqueeze(1)).squeeze(1).cpu().data<float>().ToArray();
                var weights = result.Attention is { } a ? Rows(a.squeeze(1)) : null;
                for (int i = 0; i < n; i++)
                {
                    if (done[i]) continue;
                    score[i] += chosenLogProb[i];
                    if (weights is not null) attention[i].Add(weights[i][..chunk[i].Input.Length]);
                    if (chosen[i] == Vocabulary.StopId || ids[i].Count == model.Options.MaxTargetLength) { done[i] = true; continue; }
                    ids[i].Add((int)chosen[i]);
                }
                tokens = next.unsqueeze(1);
            }
            for (int i = 0; i < n; i++) results.Add(new DecodedSequence(ids[i].ToArray(), first[i], attention[i].ToArray(), score[i]));
        }
        return results;
    }

    /// <summary>Beam search for one input: keeps the <paramref name="beamWidth"/> best partial sequences at each
    /// step and returns the finished sequence with the best length-normalised log-probability.</summary>
    public static DecodedSequence Beam(Seq2SeqModel model, EncodedPair pair, int beamWidth = 3)
    {
        if (beamWidth < 1) throw new ArgumentOutOfRangeException(nameof(beamWidth), beamWidth, "Use a beam of at least 1.");
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var batch = SequenceBatch.Create([pair], model.Device);
        var encoded = model.Encode(batch.Inputs, batch.InputLengths);
        var beams = new List<BeamState> { new([], 0, [], null, null) };
        var finished = new List<BeamState>();
        float[] first = [];
        for (int step = 0; step <= model.Options.MaxTargetLength && beams.Count > 0; step++)
        {
            int k = beams.Count;
            var expanded = new EncoderState(encoded.Outputs.expand(k, -1, -1), encoded.Mask.expand(k, -1),
                encoded.Hidden.expand(-1, k, -1).contiguous(), encoded.Cell.expand(-1, k, -1).contiguous());
            var tokens = tensor(beams.Select(b => (long)(b.Ids.Count == 0 ? Vocabulary.StartId : b.Ids[^1])).ToArray(), [k, 1], device: model.Device);
            Tensor? h = step == 0 ? null : cat(beams.Select(b => b.Hidden!).ToArray(), 1);
            Tensor? c = step == 0 ? null : cat(beams.Select(b => b.Cell!).ToArray(), 1);
            var result = model.Decode(expanded, tokens, (h, c));
            var logProbs = Rows(nn.functional.log_softmax(Emittable(result.Logits.squeeze(1)), -1));
            if (step == 0) first = logProbs[0].Select(MathF.Exp).ToArray();
            var weights = result.Attention is { } a ? Rows(a.squeeze(1)) : null;
            var candidates = new List<BeamState>();
            for (int b = 0; b < k; b++)
            {
                var hb = result.Hidden.narrow(1, b, 1); var cb = result.Cell.narrow(1, b, 1);
                var attention = weights is null ? beams[b].Attention : [.. beams[b].Attention, weights[b][..pair.Input.Length]];
                foreach (var id in TopIds(logProbs[b], beamWidth))
                {
                    var ids = id == Vocabulary.StopId ? beams[b].Ids : [.. beams[b].Ids, id];
                    candidates.Add(new BeamState(ids, beams[b].LogProb + logProbs[b][id], attention, hb, cb) { Finished = id == Vocabulary.StopId || ids.Count > model.Options.MaxTargetLength });
                }
            }
            var best = candidates.OrderByDescending(x => x.Normalised).Take(beamWidth).ToList();
            finished.AddRange(best.Where(x => x.Finished));
            beams = best.Where(x => !x.Finished).ToList();
            if (finished.Count >= beamWidth) break;
        }
        var winner = finished.Concat(beams).MaxBy(x => x.Normalised)!;
        var trimmed = winner.Ids.Take(model.Options.MaxTargetLength).ToArray();
        return new DecodedSequence(trimmed, first, winner.Attention.ToArray(), winner.LogProb);
    }

    /// <summary>
    /// The probability that <paramref name="tokenId"/> appears in what the model says follows each input, estimated from
    /// <paramref name="samples"/> sampled continuations per input (seeded). Each continuation is sampled without the token
    /// and weighted by the product over its steps of (1 - P(token at that step)): the probability that the token was
    /// passed over. 1 minus the mean weight is an unbiased estimate of P(token appears), like the share of plain samples
    /// that contain it, but with far less variance, because the exact probability at each step replaces a yes/no draw
    /// (a Rao-Blackwellised estimate; with a one-step decoder it is exact).
    /// </summary>
    public static double[] ProbabilityOfToken(Seq2SeqModel model, IReadOnlyList<EncodedPair> pairs, int tokenId, int samples = 200, int seed = 0, int inputsPerChunk = 32)
    {
        var result = new double[pairs.Count];
        model.eval();
        using var generator = new Generator((ulong)seed, model.Device);
        int offset = 0;
        foreach (var chunk in pairs.Chunk(inputsPerChunk))
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            using var batch = SequenceBatch.Create(chunk, model.Device);
            var once = model.Encode(batch.Inputs, batch.InputLengths);
            // encode each input once, then give every sample its own copy of the encoder state
            var encoded = new EncoderState(once.Outputs.repeat_interleave(samples, 0), once.Mask.repeat_interleave(samples, 0),
                once.Hidden.repeat_interleave(samples, 1), once.Cell.repeat_interleave(samples, 1));
            int rows = chunk.Length * samples;
            var tokens = full(rows, 1, Vocabulary.StartId, dtype: ScalarType.Int64, device: model.Device);
            var alive = ones(rows, dtype: ScalarType.Bool, device: model.Device);
            var passedOver = ones(rows, dtype: ScalarType.Float32, device: model.Device);
            (Tensor? h, Tensor? c) state = (null, null);
            for (int step = 0; step < model.Options.MaxTargetLength; step++) // the step after the last may only stop
            {
                var step_ = model.Decode(encoded, tokens, state);
                state = (step_.Hidden, step_.Cell);
                var probs = nn.functional.softmax(Emittable(step_.Logits.squeeze(1)), -1);
                var pToken = probs[.., tokenId];
                passedOver = passedOver * where(alive, 1 - pToken, ones_like(pToken));
                var without = probs.clone();
                without[.., tokenId] = 0;
                // a row whose only possible token is the one counted has nothing else to continue with: let it stop
                without[.., Vocabulary.StopId] += (without.sum(-1) <= 0).to(ScalarType.Float32);
                var next = multinomial(without, 1, replacement: true, generator: generator).squeeze(1);
                alive = alive.logical_and(next != Vocabulary.StopId);
                tokens = next.unsqueeze(1);
            }
            var shares = (1 - passedOver.view(chunk.Length, samples).mean([1])).clamp(0, 1).cpu().data<float>().ToArray();
            for (int i = 0; i < chunk.Length; i++) result[offset + i] = shares[i];
            offset += chunk.Length;
        }
        return result;
    }

    // Padding, start and unknown are never valid outputs.
    /// <summary>The logits with the tokens the decoder never emits (padding, start, unknown) made impossible: what greedy
    /// decoding, beam search and sampling choose from.</summary>
    public static Tensor Emittable(Tensor logits)
    {
        var masked = logits.clone();
        masked[.., Vocabulary.PadId] = float.NegativeInfinity;
        masked[.., Vocabulary.StartId] = float.NegativeInfinity;
        masked[.., Vocabulary.UnknownId] = float.NegativeInfinity;
        return masked;
    }

    private static float[][] Rows(Tensor matrix)
    {
        var cpu = matrix.cpu().contiguous();
        int rows = (int)cpu.shape[0], cols = (int)cpu.shape[1];
        var flat = cpu.data<float>().ToArray();
        return Enumerable.Range(0, rows).Select(r => flat[(r * cols)..((r + 1) * cols)]).ToArray();
    }

    private static IEnumerable<int> TopIds(float[] logProbs, int k) =>
        logProbs.Select((p, i) => (p, i)).Where(x => !float.IsNegativeInfinity(x.p)).OrderByDescending(x => x.p).ThenBy(x => x.i).Take(k).Select(x => x.i);

    private sealed record BeamState(List<int> Ids, double LogProb, List<float[]> Attention, Tensor? Hidden, Tensor? Cell)
    {
        public bool Finished { get; init; }
        // Mean log-probability per emitted token (stop included), so longer sequences are not penalised for their length.
        public double Normalised => LogProb / (Ids.Count + (Finished ? 1 : 0) + 1e-9);
    }
}

using TorchSharp;
using static TorchSharp.torch;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>
/// A padded batch for an encoder-decoder (batch first). Inputs are right-padded with the padding id and
/// come with their true lengths, so the encoder can skip the padding; the decoder reads
/// &lt;start&gt; + target and learns to emit target + &lt;stop&gt; (teacher forcing); padded target
/// positions hold the padding id, which the loss ignores.
/// </summary>
public sealed class SequenceBatch : IDisposable
{
    /// <summary>Input ids, shape (batch, longest input).</summary>
    public required Tensor Inputs { get; init; }
    /// <summary>True input lengths, shape (batch), int64 on the CPU (what packing needs).</summary>
    public required Tensor InputLengths { get; init; }
    /// <summary>Decoder inputs: &lt;start&gt; then the target, shape (batch, longest target + 1).</summary>
    public required Tensor DecoderInputs { get; init; }
    /// <summary>Decoder targets: the target then &lt;stop&gt;, padded, shape (batch, longest target + 1).</summary>
    public required Tensor DecoderTargets { get; init; }
    /// <summary>The pairs in this batch, in row order.</summary>
    public required IReadOnlyList<EncodedPair> Pairs { get; init; }

    /// <summary>Number of rows.</summary>
    public int Size => Pairs.Count;

    /// <summary>Builds the tensors for <paramref name="pairs"/> on <paramref name="device"/>.</summary>
    public static SequenceBatch Create(IReadOnlyList<EncodedPair> pairs, Device device)
    {
        if (pairs.Count == 0) throw new ArgumentException("A batch needs at least one sequence.", nameof(pairs));
        int inLength = pairs.Max(p => p.Input.Length), outLength = pairs.Max(p => p.Target.Length) + 1;
        var inputs = new long[pairs.Count * inLength];
        var decoderIn = new long[pairs.Count * outLength];
        var decoderOut = new long[pairs.Count * outLength];
        var lengths = new long[pairs.Count];
        for (int b = 0; b < pairs.Count; b++)
        {
            var p = pairs[b];
            lengths[b] = p.Input.Length;
            for (int t = 0; t < p.Input.Length; t++) inputs[b * inLength + t] = p.Input[t];
            decoderIn[b * outLength] = Vocabulary.StartId;
            for (int t = 0; t < p.Target.Length; t++)
            {
                decoderIn[b * outLength + t + 1] = p.Target[t];
                decoderOut[b * outLength + t] = p.Target[t];
            }
            decoderOut[b * outLength + p.Target.Length] = Vocabulary.StopId;
            // the rest stays 0 = Vocabulary.PadId
        }
        return new SequenceBatch
        {
            Inputs = tensor(inputs, [pairs.Count, inLength], device: device),
            InputLengths = tensor(lengths),
            DecoderInputs = tensor(decoderIn, [pairs.Count, outLength], device: device),
            DecoderTargets = tensor(decoderOut, [pairs.Count, outLength], device: device),
            Pairs = pairs,
        };
    }

    /// <summary>Cuts <paramref name="pairs"/> into batches of <paramref name="batchSize"/>, shuffled with
    /// <paramref name="shuffleSeed"/> when given (a new seed each epoch gives a new, reproducible order).</summary>
    public static IEnumerable<IReadOnlyList<EncodedPair>> Chunks(IReadOnlyList<EncodedPair> pairs, int batchSize, int? shuffleSeed = null)
    {
        var order = pairs.ToArray();
        if (shuffleSeed is { } seed) new Random(seed).Shuffle(order);
        return order.Chunk(batchSize);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Inputs.Dispose(); InputLengths.Dispose(); DecoderInputs.Dispose(); DecoderTargets.Dispose();
    }
}

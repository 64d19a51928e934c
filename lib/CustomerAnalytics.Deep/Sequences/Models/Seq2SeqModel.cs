using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Sequences.Models;

/// <summary>
/// Encoder-decoder LSTM over token ids. The encoder reads the input (packed, so padding never enters
/// its state); its final hidden and cell states initialise the decoder; with <see cref="AttentionKind.Luong"/>
/// each decoder step also attends over all encoder outputs, padding masked out. One embedding table
/// serves both sides, since input and output tokens are the same touchpoints. Workshop 04 shows this file as it is.
/// </summary>
public sealed class Seq2SeqModel : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM encoder;
    private readonly LSTM decoder;
    private readonly Linear attentionScore;
    private readonly Linear attentionCombine;
    private readonly Linear output;

    /// <summary>Builds a model for a vocabulary of <paramref name="vocabularySize"/> ids with freshly initialised weights
    /// (seed first with <c>TorchDevice.Seed</c>, or use <see cref="Create"/>).</summary>
    public Seq2SeqModel(int vocabularySize, Seq2SeqOptions? options = null) : base(nameof(Seq2SeqModel))
    {
        Options = options ?? new Seq2SeqOptions();
        VocabularySize = vocabularySize;
        int e = Options.EmbeddingSize, h = Options.HiddenSize;
        embedding = nn.Embedding(vocabularySize, e, padding_idx: Vocabulary.PadId);
        encoder = nn.LSTM(e, h, batchFirst: true);
        decoder = nn.LSTM(e, h, batchFirst: true);
        attentionScore = nn.Linear(h, h, hasBias: false);
        attentionCombine = nn.Linear(2 * h, h);
        output = nn.Linear(h, vocabularySize);
        RegisterComponents();
    }

    /// <summary>Seeds libtorch with <paramref name="seed"/>, builds the model and moves it to <paramref name="device"/>
    /// (what workshop 04 writes out in a cell; for tests and the benchmark).</summary>
    public static Seq2SeqModel Create(int vocabularySize, Seq2SeqOptions? options, int seed, Device device)
    {
        Torch.TorchDevice.Seed(seed);
        var model = new Seq2SeqModel(vocabularySize, options);
        model.to(device);
        return model;
    }

    /// <summary>The model's shape.</summary>
    public Seq2SeqOptions Options { get; }
    /// <summary>Number of token ids it reads and predicts.</summary>
    public int VocabularySize { get; }
    /// <summary>Device of the weights.</summary>
    public Device Device => output.weight!.device;

    /// <summary>Runs the encoder over padded <paramref name="inputs"/> (batch, length) with their true <paramref name="lengths"/>.</summary>
    public EncoderState Encode(Tensor inputs, Tensor lengths)
    {
        long steps = inputs.shape[1];
        var embedded = embedding.call(inputs);
        using var packed = nn.utils.rnn.pack_padded_sequence(embedded, lengths.cpu(), batch_first: true, enforce_sorted: false);
        var (packedOut, h, c) = encoder.call(packed);
        var (outputs, _) = nn.utils.rnn.pad_packed_sequence(packedOut, batch_first: true, total_length: steps);
        packedOut.Dispose();
        var mask = arange(steps, device: inputs.device).unsqueeze(0) < lengths.to(inputs.device).unsqueeze(1);
        return new EncoderState(outputs, mask, h, c);
    }

    /// <summary>Teacher-forced pass (call it as <c>model.call(inputs, lengths, decoderInputs)</c>): logits
    /// (batch, target steps, vocabulary) for every decoder input position.</summary>
    public override Tensor forward(Tensor inputs, Tensor lengths, Tensor decoderInputs) =>
        Decode(Encode(inputs, lengths), decoderInputs, ((Tensor?)null, (Tensor?)null)).Logits;

    /// <summary>Runs the decoder over <paramref name="decoderInputs"/> (batch, steps) from the encoder state,
    /// or from <paramref name="state"/> when given (for step-by-step decoding). Returns logits, the new state
    /// and the attention weights (batch, steps, input length), null without attention.</summary>
    public DecoderStep Decode(EncoderState encoded, Tensor decoderInputs, (Tensor? Hidden, Tensor? Cell) state)
    {
        var h0 = state.Hidden ?? encoded.Hidden;
        var c0 = state.Cell ?? encoded.Cell;
        var (decoded, h, c) = decoder.call(embedding.call(decoderInputs), (h0, c0));
        Tensor? weights = null;
        if (Options.Attention == AttentionKind.Luong)
        {
            var scores = decoded.matmul(attentionScore.call(encoded.Outputs).transpose(1, 2)); // (B, To, Ti)
            scores = scores.masked_fill(encoded.Mask.unsqueeze(1).logical_not(), float.NegativeInfinity);
            weights = nn.functional.softmax(scores, -1);
            var context = weights.matmul(encoded.Outputs);
            decoded = tanh(attentionCombine.call(cat([context, decoded], -1)));
        }
        return new DecoderStep(output.call(decoded), h, c, weights);
    }
}

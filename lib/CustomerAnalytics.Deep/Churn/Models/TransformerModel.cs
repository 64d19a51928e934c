using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Churn.Models;

/// <summary>One post-norm Transformer encoder layer whose self-attention weights are returned.</summary>
public sealed class EncoderLayer : nn.Module<Tensor, Tensor, (Tensor Output, Tensor Weights)>
{
    private readonly SelfAttention attention;
    private readonly Linear up, down;
    private readonly LayerNorm norm1, norm2;
    private readonly Dropout dropout;
    private readonly Func<Tensor, Tensor> activation;

    /// <summary>A layer of width <paramref name="size"/>.</summary>
    public EncoderLayer(long size, long heads, long feedForward, double dropoutRate, string activationName) : base(nameof(EncoderLayer))
    {
        attention = new SelfAttention(size, heads);
        up = nn.Linear(size, feedForward);
        down = nn.Linear(feedForward, size);
        norm1 = nn.LayerNorm(size);
        norm2 = nn.LayerNorm(size);
        dropout = nn.Dropout(dropoutRate);
        activation = Activations.ByName(activationName);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override (Tensor Output, Tensor Weights) forward(Tensor x, Tensor mask)
    {
        var (a, weights) = attention.call(x, mask);
        x = norm1.call(x + dropout.call(a));
        x = norm2.call(x + dropout.call(down.call(dropout.call(activation(up.call(x))))));
        return (x, weights);
    }
}

/// <summary>
/// Transformer encoder classifier: embedding × √d + sinusoidal positions -> N encoder layers -> the last real
/// position and the mean over real positions -> dense layer -> logits. Every layer's per-head weights are returned.
/// </summary>
public sealed class TransformerModel : SequenceModel
{
    private readonly Embedding embedding;
    private readonly ModuleList<EncoderLayer> layers;
    private readonly Linear dense, classifier;
    private readonly Dropout dropout;
    private readonly Tensor positions;
    private readonly Func<Tensor, Tensor> activation;
    private readonly double scale;

    /// <summary>Builds the encoder described by <paramref name="s"/> (HiddenSize is the model width).</summary>
    public TransformerModel(ModelSettings s, int vocabulary, int classes) : base(nameof(TransformerModel))
    {
        Settings = s;
        embedding = nn.Embedding(vocabulary, s.HiddenSize, padding_idx: Vocabulary.PadId);
        layers = nn.ModuleList(Enumerable.Range(0, s.Layers).Select(_ => new EncoderLayer(s.HiddenSize, s.Heads, s.FeedForward, s.Dropout, s.Activation)).ToArray());
        dense = nn.Linear(2 * s.HiddenSize, s.HiddenSize);
        classifier = nn.Linear(s.HiddenSize, classes);
        dropout = nn.Dropout(s.Dropout);
        activation = Activations.ByName(s.Activation);
        scale = Math.Sqrt(s.HiddenSize);
        positions = Sinusoids(s.MaxPositions, s.HiddenSize);
        RegisterComponents();
    }

    /// <summary>The settings the model was built with.</summary>
    public ModelSettings Settings { get; }

    /// <inheritdoc />
    public override (Tensor Logits, IReadOnlyList<Tensor> Attention) ForwardWithAttention(Tensor tokens, Tensor lengths)
    {
        long l = tokens.shape[1];
        if (l > Settings.MaxPositions)
            throw new ArgumentException($"Sequences of {l} events exceed the positional encoding ({Settings.MaxPositions}); raise max_positions or shorten the inputs.");
        var mask = MaskedAttention.ValidMask(lengths, l);
        var x = dropout.call(embedding.call(tokens) * scale + positions.narrow(0, 0, l).unsqueeze(0).to(tokens.device));
        var weights = new List<Tensor>();
        foreach (var layer in layers)
        {
            var (y, w) = layer.call(x, mask);
            x = y;
            weights.Add(w);
        }
        var summary = cat([MaskedAttention.LastValid(x, lengths), MaskedAttention.MaskedMean(x, mask)], 1);
        var hidden = dropout.call(activation(dense.call(summary)));
        return (classifier.call(hidden), weights);
    }

    // PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(...), as in "Attention is all you need".
    private static Tensor Sinusoids(int count, int size)
    {
        var pe = new float[count * size];
        for (int pos = 0; pos < count; pos++)
            for (int i = 0; i < size; i++)
            {
                double angle = pos / Math.Pow(10000, 2 * (i / 2) / (double)size);
                pe[pos * size + i] = (float)(i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        return tensor(pe, [count, size]);
    }
}

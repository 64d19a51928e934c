using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Churn.Models;

/// <summary>
/// Embedding -> GRU or LSTM -> attention (global, self or multi-head) -> dense layer -> logits. The sequence is
/// summarised by the RNN's output at the last real event together with what the attention picked out
/// (the context for global attention, the last position's attention output for self/multi-head).
/// </summary>
public sealed class RnnAttentionModel : SequenceModel
{
    private readonly Embedding embedding;
    private readonly GRU? gru;
    private readonly LSTM? lstm;
    private readonly AdditiveAttention? additive;
    private readonly SelfAttention? self;
    private readonly Linear dense, classifier;
    private readonly Dropout dropout;
    private readonly Func<Tensor, Tensor> activation;

    /// <summary>Builds the network (the attention kind and cell come from <paramref name="s"/>).</summary>
    public RnnAttentionModel(ModelSettings s, int vocabulary, int classes) : base(nameof(RnnAttentionModel))
    {
        Settings = s;
        embedding = nn.Embedding(vocabulary, s.EmbeddingDim, padding_idx: Vocabulary.PadId);
        if (s.Cell == "lstm") lstm = nn.LSTM(s.EmbeddingDim, s.HiddenSize, s.Layers, batchFirst: true);
        else if (s.Cell == "gru") gru = nn.GRU(s.EmbeddingDim, s.HiddenSize, s.Layers, batchFirst: true);
        else throw new ArgumentException($"Unknown RNN cell '{s.Cell}'; use gru or lstm.");
        if (s.Attention == AttentionKind.Global) additive = new AdditiveAttention(s.HiddenSize);
        else self = new SelfAttention(s.HiddenSize, s.Attention == AttentionKind.Self ? 1 : s.Heads);
        dense = nn.Linear(2 * s.HiddenSize, s.HiddenSize);
        classifier = nn.Linear(s.HiddenSize, classes);
        dropout = nn.Dropout(s.Dropout);
        activation = Activations.ByName(s.Activation);
        RegisterComponents();
    }

    /// <summary>The settings the model was built with.</summary>
    public ModelSettings Settings { get; }

    /// <inheritdoc />
    public override (Tensor Logits, IReadOnlyList<Tensor> Attention) ForwardWithAttention(Tensor tokens, Tensor lengths)
    {
        var mask = MaskedAttention.ValidMask(lengths, tokens.shape[1]);
        var x = dropout.call(embedding.call(tokens));
        // Padding is on the right, so outputs at real positions never see it: no packing needed.
        var h = gru is not null ? gru.call(x).Item1 : lstm!.call(x).Item1;
        var last = MaskedAttention.LastValid(h, lengths);
        Tensor attended, weights;
        if (additive is not null) (attended, weights) = additive.call(h, mask);
        else
        {
            var (output, w) = self!.call(h, mask);
            attended = MaskedAttention.LastValid(output, lengths);
            weights = w;
        }
        var hidden = dropout.call(activation(dense.call(cat([last, attended], 1))));
        return (classifier.call(hidden), [weights]);
    }
}

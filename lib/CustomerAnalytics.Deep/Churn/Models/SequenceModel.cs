using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn.Models;

/// <summary>
/// A classifier of padded event sequences: tokens [B, L] and lengths [B] in, class logits [B, C] out, with its
/// attention weights exposed by <see cref="ForwardWithAttention"/> (each [B, heads, queries, L]).
/// </summary>
public abstract class SequenceModel : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Names the module (TorchSharp uses it for the state dictionary).</summary>
    protected SequenceModel(string name) : base(name) { }

    /// <summary>Logits and the attention weights, one tensor per attention layer, shaped [B, heads, queries, L].</summary>
    public abstract (Tensor Logits, IReadOnlyList<Tensor> Attention) ForwardWithAttention(Tensor tokens, Tensor lengths);

    /// <inheritdoc />
    public override Tensor forward(Tensor tokens, Tensor lengths) => ForwardWithAttention(tokens, lengths).Logits;

    /// <summary>Builds the model described by <paramref name="settings"/> for a vocabulary and a number of classes.</summary>
    public static SequenceModel Create(ModelSettings settings, int vocabulary, int classes) => settings.Architecture switch
    {
        "rnn" => new RnnAttentionModel(settings, vocabulary, classes),
        "transformer" => new TransformerModel(settings, vocabulary, classes),
        _ => throw new ArgumentException($"Unknown architecture '{settings.Architecture}'; use rnn or transformer."),
    };
}

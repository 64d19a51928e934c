using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Churn.Models;

/// <summary>The "init" section of a model configuration: the network's shape.</summary>
public sealed record ModelSettings
{
    /// <summary>"rnn" or "transformer".</summary>
    public string Architecture { get; init; } = "rnn";
    /// <summary>RNN cell: "gru" or "lstm".</summary>
    public string Cell { get; init; } = "gru";
    /// <summary>Size of the event embedding.</summary>
    public int EmbeddingDim { get; init; } = 16;
    /// <summary>RNN hidden size, or the Transformer's model width.</summary>
    public int HiddenSize { get; init; } = 32;
    /// <summary>RNN attention: global, self or multi-head.</summary>
    public AttentionKind Attention { get; init; } = AttentionKind.Global;
    /// <summary>Attention heads (multi-head RNN attention, Transformer).</summary>
    public int Heads { get; init; } = 2;
    /// <summary>Transformer encoder layers (or stacked RNN layers).</summary>
    public int Layers { get; init; } = 1;
    /// <summary>Dropout rate.</summary>
    public double Dropout { get; init; } = 0.1;
    /// <summary>Activation of the dense layers: relu, tanh, gelu, sigmoid or elu.</summary>
    public string Activation { get; init; } = "relu";
    /// <summary>Transformer feed-forward width.</summary>
    public int FeedForward { get; init; } = 64;
    /// <summary>Longest input the positional encoding supports.</summary>
    public int MaxPositions { get; init; } = 256;

    /// <summary>Names accepted by <see cref="Activation"/>.</summary>
    public static readonly IReadOnlyList<string> Activations = ["relu", "tanh", "gelu", "sigmoid", "elu"];

    /// <summary>The config file's spelling of an attention kind (global, self, multi-head).</summary>
    public static string AttentionName(AttentionKind kind) => kind switch
    {
        AttentionKind.Global => "global", AttentionKind.Self => "self", AttentionKind.MultiHead => "multi-head",
        _ => throw new ArgumentException($"{kind} attention belongs to the sequence-to-sequence decoder; an RNN classifier uses global, self or multi-head.", nameof(kind)),
    };

    /// <summary>Parses global, self or multi-head.</summary>
    public static AttentionKind ParseAttention(string name) => name.Trim().ToLowerInvariant() switch
    {
        "global" => AttentionKind.Global,
        "self" => AttentionKind.Self,
        "multi-head" or "multihead" or "multi_head" => AttentionKind.MultiHead,
        _ => throw new ArgumentException($"Unknown attention '{name}'; use global, self or multi-head."),
    };
}

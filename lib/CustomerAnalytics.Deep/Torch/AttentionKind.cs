namespace CustomerAnalytics.Torch;

/// <summary>
/// Which attention a sequence model uses. The decoder of workshop 04 takes <see cref="None"/> or <see cref="Luong"/>;
/// the classifiers of workshop 05 take <see cref="Global"/>, <see cref="Self"/> or <see cref="MultiHead"/>.
/// </summary>
public enum AttentionKind
{
    /// <summary>No attention: the decoder sees the input only through the encoder's final state (a plain encoder-decoder).</summary>
    None,
    /// <summary>Luong ("general") attention: each decoder step scores every encoder output and mixes them into a context vector.</summary>
    Luong,
    /// <summary>Additive (Bahdanau) attention: one weight per time step, pooling the RNN outputs.</summary>
    Global,
    /// <summary>Scaled dot-product self-attention over the RNN outputs (one head).</summary>
    Self,
    /// <summary>Self-attention with several heads.</summary>
    MultiHead,
}

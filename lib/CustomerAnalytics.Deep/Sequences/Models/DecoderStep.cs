using static TorchSharp.torch;

namespace CustomerAnalytics.Sequences.Models;

/// <summary>Result of running the decoder: logits (batch, steps, vocabulary), the LSTM state after the last step,
/// and the attention weights (batch, steps, input length) when the model attends.</summary>
public sealed record DecoderStep(Tensor Logits, Tensor Hidden, Tensor Cell, Tensor? Attention);

using static TorchSharp.torch;

namespace CustomerAnalytics.Sequences.Models;

/// <summary>What the encoder hands to the decoder.</summary>
/// <param name="Outputs">Encoder output at every input position, (batch, input length, hidden); zero at padding.</param>
/// <param name="Mask">True at real (non-padding) input positions, (batch, input length).</param>
/// <param name="Hidden">Final hidden state at each sequence's true end, (1, batch, hidden).</param>
/// <param name="Cell">Final cell state, (1, batch, hidden).</param>
public sealed record EncoderState(Tensor Outputs, Tensor Mask, Tensor Hidden, Tensor Cell);

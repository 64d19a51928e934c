using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>One test sequence with the model's prediction.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Input">Input tokens (as the model read them: truncated, unknowns kept as &lt;unk&gt;).</param>
/// <param name="Target">True target tokens.</param>
/// <param name="Predicted">Decoded tokens.</param>
/// <param name="NextTouchpoints">The most likely next tokens with their probabilities, best first.</param>
/// <param name="Attention">Attention weights: one row per output step, one column per input token (empty without attention).</param>
public sealed record SequencePrediction(string Id, IReadOnlyList<string> Input, IReadOnlyList<string> Target, IReadOnlyList<string> Predicted,
    IReadOnlyList<(string Token, double Probability)> NextTouchpoints, float[][] Attention)
{
    /// <summary>The attention matrix with its labels, for a heatmap (output steps include &lt;stop&gt; when it was emitted).</summary>
    public AttentionMatrix AttentionMatrix =>
        new(Input, Predicted.Concat(Enumerable.Repeat(Vocabulary.Stop, Math.Max(0, Attention.Length - Predicted.Count))).Take(Attention.Length).ToArray(), Attention);
}

/// <summary>Attention weights of one prediction: <see cref="Weights"/>[output step][input position].</summary>
public sealed record AttentionMatrix(IReadOnlyList<string> InputTokens, IReadOnlyList<string> OutputTokens, float[][] Weights);

namespace CustomerAnalytics.Sequences.Models;

/// <summary>What the decoder produced for one input.</summary>
/// <param name="Ids">Predicted token ids, without &lt;stop&gt;.</param>
/// <param name="FirstStepProbabilities">Probability of every token id at the first output step (the next-token distribution).</param>
/// <param name="Attention">Attention weights, one row per output step (the predicted tokens, then &lt;stop&gt;), one column per input token; empty without attention.</param>
/// <param name="Score">Log-probability of the sequence (including &lt;stop&gt; when it was emitted).</param>
public sealed record DecodedSequence(int[] Ids, float[] FirstStepProbabilities, float[][] Attention, double Score);

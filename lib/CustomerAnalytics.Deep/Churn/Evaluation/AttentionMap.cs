using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>
/// The attention weights of one input sequence, labelled with its event names: for each attention layer, each head's
/// [queries × events] matrix (global attention has one query: the pooled summary; self-attention one per event).
/// </summary>
/// <param name="Events">The input's event names, oldest first.</param>
/// <param name="Layers">Weights as [layer][head][query][event].</param>
/// <param name="Label">The true class name.</param>
/// <param name="Predicted">The predicted class name.</param>
public sealed record AttentionMap(IReadOnlyList<string> Events, double[][][][] Layers, string Label, string Predicted)
{
    /// <summary>The attention the prediction position pays to each event: the last query's row (the only row for
    /// global attention), for one layer and head.</summary>
    public double[] FinalRow(int layer, int head) => Layers[layer][head][^1];

    /// <summary>
    /// Weights of example <paramref name="index"/> of <paramref name="data"/> under <paramref name="model"/> (padding
    /// stripped: the sequence is run alone, so every position is a real event).
    /// </summary>
    public static AttentionMap For(TrainedModel model, SequenceDataset data, int index)
    {
        model.Network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var (tokens, lengths, _) = data.Batch([index], TorchDevice.Current);
        var (logits, attention) = model.Network.ForwardWithAttention(tokens, lengths);
        var layers = attention.Select(ToArray).ToArray();
        var predicted = (int)logits.argmax(1).cpu().item<long>();
        return new AttentionMap(data.Sequences[index].Select(data.Vocabulary.TokenOf).ToArray(), layers, data.ClassNames[data.Labels[index]], data.ClassNames[predicted]);
    }

    // [1, H, Q, L] -> [H][Q][L]
    private static double[][][] ToArray(Tensor w)
    {
        var t = w.squeeze(0).to_type(ScalarType.Float64).cpu();
        long h = t.shape[0], q = t.shape[1], l = t.shape[2];
        var flat = t.data<double>().ToArray();
        return Enumerable.Range(0, (int)h).Select(a => Enumerable.Range(0, (int)q).Select(b =>
            flat.AsSpan((int)((a * q + b) * l), (int)l).ToArray()).ToArray()).ToArray();
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// The parameters the L2 penalty applies to: weight matrices (linear layers, GRU/LSTM <c>weight_ih</c>/<c>weight_hh</c>),
/// not biases, layer norms or the embedding.
/// </summary>
public static class L2Weights
{
    /// <summary>The penalised parameters of <paramref name="network"/>, in registration order.</summary>
    public static Tensor[] Of(nn.Module network) => network.named_parameters()
        .Where(p => p.name.Split('.')[^1].StartsWith("weight", StringComparison.Ordinal) && p.parameter.dim() > 1
            && !p.name.StartsWith("embedding", StringComparison.Ordinal))
        .Select(p => (Tensor)p.parameter).ToArray();

    /// <summary><paramref name="l2"/> times the sum of the squared <paramref name="weights"/> (a scalar; 0 when there is nothing to penalise).</summary>
    public static Tensor Penalty(IReadOnlyList<Tensor> weights, double l2) =>
        l2 == 0 || weights.Count == 0 ? zeros(1).squeeze() : l2 * stack(weights.Select(w => w.pow(2).sum()).ToArray()).sum();
}

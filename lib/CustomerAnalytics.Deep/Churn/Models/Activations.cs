using static TorchSharp.torch;

namespace CustomerAnalytics.Churn.Models;

/// <summary>Activation functions by the names the configuration files use.</summary>
internal static class Activations
{
    public static Func<Tensor, Tensor> ByName(string name) => name switch
    {
        "relu" => t => nn.functional.relu(t),
        "tanh" => t => t.tanh(),
        "gelu" => t => nn.functional.gelu(t),
        "sigmoid" => t => t.sigmoid(),
        "elu" => t => nn.functional.elu(t, 1.0, false),
        _ => throw new ArgumentException($"Unknown activation '{name}'; use {string.Join(", ", ModelSettings.Activations)}."),
    };
}

using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn;

/// <summary>
/// An in-memory checkpoint for early stopping: <see cref="Keep"/> copies a network's weights (on their device) at a new
/// best epoch together with its validation scores; <see cref="Restore"/> loads them back when training ends.
/// </summary>
public sealed class BestWeights : IDisposable
{
    private Dictionary<string, Tensor>? weights;

    /// <summary>The validation scores of the kept epoch (null before the first <see cref="Keep"/>).</summary>
    public ClassificationReport? Validation { get; private set; }

    /// <summary>Replaces the checkpoint with a copy of <paramref name="network"/>'s current weights.</summary>
    public void Keep(nn.Module network, ClassificationReport validation)
    {
        Release();
        weights = network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        Validation = validation;
    }

    /// <summary>Loads the kept weights into <paramref name="network"/>, frees the copy and returns the kept epoch's
    /// validation scores; fails when nothing was kept.</summary>
    public ClassificationReport Restore(nn.Module network)
    {
        if (weights is null || Validation is null) throw new InvalidOperationException("No checkpoint to restore: call Keep after the first validated epoch.");
        network.load_state_dict(weights);
        Release();
        return Validation;
    }

    /// <inheritdoc />
    public void Dispose() => Release();

    private void Release()
    {
        if (weights is not null) foreach (var w in weights.Values) w.Dispose();
        weights = null;
    }
}

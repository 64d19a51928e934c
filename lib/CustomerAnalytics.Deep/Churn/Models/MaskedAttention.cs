using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn.Models;

/// <summary>Masks and softmax shared by every attention in this stage: padding never receives weight.</summary>
public static class MaskedAttention
{
    /// <summary>[B, L] true where position t &lt; length (a real event), false on padding.</summary>
    public static Tensor ValidMask(Tensor lengths, long maxLength) =>
        arange(maxLength, device: lengths.device).unsqueeze(0).lt(lengths.unsqueeze(1));

    /// <summary>
    /// Softmax of <paramref name="scores"/> [B, H, Q, L] over the last axis, with padded keys excluded (weight exactly 0)
    /// and, when <paramref name="queryMask"/> [B, Q] is given, rows of padded queries set to 0.
    /// </summary>
    public static Tensor Softmax(Tensor scores, Tensor keyMask, Tensor? queryMask = null)
    {
        var masked = scores.masked_fill(keyMask.logical_not().unsqueeze(1).unsqueeze(1), float.NegativeInfinity);
        var weights = masked.softmax(-1);
        // A row with no valid key (an empty sequence) would be NaN; make it 0 instead.
        weights = weights.nan_to_num(0.0);
        if (queryMask is not null) weights = weights * queryMask.unsqueeze(1).unsqueeze(-1).to_type(weights.dtype);
        return weights;
    }

    /// <summary>The vectors at each sequence's last real position: x [B, L, D], lengths [B] -> [B, D].</summary>
    public static Tensor LastValid(Tensor x, Tensor lengths)
    {
        var index = (lengths - 1).clamp_min(0).view(-1, 1, 1).expand(-1, 1, x.shape[2]);
        return x.gather(1, index).squeeze(1);
    }

    /// <summary>Mean over real positions: x [B, L, D] -> [B, D].</summary>
    public static Tensor MaskedMean(Tensor x, Tensor mask)
    {
        var m = mask.unsqueeze(-1).to_type(x.dtype);
        return (x * m).sum(1) / m.sum(1).clamp_min(1);
    }
}

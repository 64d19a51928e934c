using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CustomerAnalytics.Churn.Models;

/// <summary>
/// Additive ("global", Bahdanau) attention pooling: score_t = v·tanh(W h_t), weights = masked softmax over time,
/// context = Σ weights_t h_t. Returns the context [B, D] and the weights as [B, 1, 1, L].
/// </summary>
public sealed class AdditiveAttention : nn.Module<Tensor, Tensor, (Tensor Context, Tensor Weights)>
{
    private readonly Linear project;
    private readonly Linear score;

    /// <summary>Attention over vectors of size <paramref name="size"/>.</summary>
    public AdditiveAttention(long size) : base(nameof(AdditiveAttention))
    {
        project = nn.Linear(size, size);
        score = nn.Linear(size, 1, hasBias: false);
        RegisterComponents();
    }

    /// <summary>h [B, L, D], mask [B, L] (true = real event).</summary>
    public override (Tensor Context, Tensor Weights) forward(Tensor h, Tensor mask)
    {
        var scores = score.call(project.call(h).tanh()).squeeze(-1);              // [B, L]
        var weights = MaskedAttention.Softmax(scores.unsqueeze(1).unsqueeze(1), mask); // [B, 1, 1, L]
        var context = weights.squeeze(1).bmm(h).squeeze(1);                          // [B, D]
        return (context, weights);
    }
}

/// <summary>
/// Multi-head scaled dot-product self-attention written out (not nn.MultiheadAttention) so that the weights of
/// every head are returned: out [B, L, D] and weights [B, H, L, L] (rows of padded queries are 0). Each head has
/// ⌈D / H⌉ dimensions, so any number of heads fits any width (for example 12 heads on 128 units: 12 × 11).
/// </summary>
public sealed class SelfAttention : nn.Module<Tensor, Tensor, (Tensor Output, Tensor Weights)>
{
    private readonly Linear query, key, value, output;
    private readonly long heads, headSize;

    /// <summary>Self-attention over vectors of size <paramref name="size"/> with <paramref name="heads"/> heads of ⌈size / heads⌉ each.</summary>
    public SelfAttention(long size, long heads) : base(nameof(SelfAttention))
    {
        if (heads < 1 || heads > size) throw new ArgumentException($"Use between 1 and {size} attention heads for a width of {size}, not {heads}.");
        this.heads = heads;
        headSize = (size + heads - 1) / heads;
        query = nn.Linear(size, heads * headSize);
        key = nn.Linear(size, heads * headSize);
        value = nn.Linear(size, heads * headSize);
        output = nn.Linear(heads * headSize, size);
        RegisterComponents();
    }

    /// <summary>x [B, L, D], mask [B, L] (true = real event).</summary>
    public override (Tensor Output, Tensor Weights) forward(Tensor x, Tensor mask)
    {
        long b = x.shape[0], l = x.shape[1];
        Tensor Split(Tensor t) => t.view(b, l, heads, headSize).transpose(1, 2); // [B, H, L, d]
        var q = Split(query.call(x));
        var k = Split(key.call(x));
        var v = Split(value.call(x));
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(headSize);          // [B, H, L, L]
        var weights = MaskedAttention.Softmax(scores, mask, mask);
        var mixed = weights.matmul(v).transpose(1, 2).contiguous().view(b, l, heads * headSize);
        return (output.call(mixed), weights);
    }
}

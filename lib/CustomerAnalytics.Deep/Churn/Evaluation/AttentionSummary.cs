using CustomerAnalytics.Display;
using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;
using CustomerAnalytics.Churn.Data;
using CustomerAnalytics.Churn.Models;
using CustomerAnalytics.Churn.Training;

namespace CustomerAnalytics.Churn.Evaluation;

/// <summary>One event name's attention in one group: its mean "lift" (weight × sequence length; 1 = uniform attention).</summary>
public sealed record EventAttention(string Event, string Group, double Lift, int Occurrences);

/// <summary>
/// Which events the prediction position attends to, per true class (e.g. churners versus non-churners): for every
/// occurrence of an event, the final query's weight (last layer, heads averaged) times the sequence's length, averaged.
/// A lift of 2 means the event gets twice the attention it would under uniform attention.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record AttentionSummary(IReadOnlyList<EventAttention> Rows) : IHtmlRenderable
{
    /// <summary>Computes the summary over <paramref name="data"/> (events seen fewer than <paramref name="minOccurrences"/> times in a group are dropped).</summary>
    public static AttentionSummary Compute(TrainedModel model, SequenceDataset data, int minOccurrences = 10, int batchSize = 256)
    {
        var sums = new Dictionary<(string, string), (double Sum, int N)>();
        model.Network.eval();
        using var _ = no_grad();
        for (int start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var idx = Enumerable.Range(start, Math.Min(batchSize, data.Count - start)).ToArray();
            var (tokens, lengths, _) = data.Batch(idx, TorchDevice.Current);
            var attention = model.Network.ForwardWithAttention(tokens, lengths).Attention[^1]; // [B, H, Q, L]
            var last = (lengths - 1).view(-1, 1, 1, 1).expand(-1, attention.shape[1], 1, attention.shape[3]);
            // Global attention has a single query; self-attention: take the last real event's row.
            var row = attention.shape[2] == 1 ? attention : attention.gather(2, last);
            var mean = row.squeeze(2).mean([1]).to_type(ScalarType.Float64).cpu(); // [B, L]
            var flat = mean.data<double>().ToArray();
            long l = mean.shape[1];
            for (int r = 0; r < idx.Length; r++)
            {
                var seq = data.Sequences[idx[r]];
                var group = data.ClassNames[data.Labels[idx[r]]];
                for (int t = 0; t < seq.Length; t++)
                {
                    var key = (data.Vocabulary.TokenOf(seq[t]), group);
                    var (s, n) = sums.GetValueOrDefault(key);
                    sums[key] = (s + flat[r * l + t] * seq.Length, n + 1);
                }
            }
        }
        return new AttentionSummary(sums.Where(kv => kv.Value.N >= minOccurrences)
            .Select(kv => new EventAttention(kv.Key.Item1, kv.Key.Item2, kv.Value.Sum / kv.Value.N, kv.Value.N))
            .OrderBy(r => r.Group, StringComparer.Ordinal).ThenByDescending(r => r.Lift).ToArray());
    }

    /// <summary>The <paramref name="count"/> events with the highest lift in one group.</summary>
    public IReadOnlyList<EventAttention> Top(string group, int count = 5) => Rows.Where(r => r.Group == group).OrderByDescending(r => r.Lift).Take(count).ToArray();

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Rows.Select(r => $"{r.Group}: {r.Event} {r.Lift:F2} ({r.Occurrences})"));

    /// <inheritdoc />
    public string ToHtml()
    {
        var events = Rows.Select(r => r.Event).Distinct().ToArray();
        var groups = Rows.Select(r => r.Group).Distinct().ToArray();
        return Html.Table(["event", .. groups.Select(g => $"lift ({g})")],
            events.OrderByDescending(e => Rows.Where(r => r.Event == e).Max(r => r.Lift)).Select(e => new object?[] { e }
                .Concat(groups.Select(g => (object?)(Rows.FirstOrDefault(r => r.Event == e && r.Group == g) is { } x ? Math.Round(x.Lift, 2) : null)))),
            "Attention lift of the prediction position per event (1 = uniform attention)");
    }
}

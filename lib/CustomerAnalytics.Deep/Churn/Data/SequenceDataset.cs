using System.Globalization;
using CustomerAnalytics.Display;
using TorchSharp;
using static TorchSharp.torch;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Churn.Data;

/// <summary>The two prediction tasks of the workshop.</summary>
public enum SequenceTask
{
    /// <summary>Predict a session's next event from its events so far (multi-class).</summary>
    NextEvent,
    /// <summary>Predict whether a non-bounced user churns from their first day of events (binary).</summary>
    Churn,
}

/// <summary>
/// Labelled event sequences (token ids, unpadded) for one task. <see cref="Batch"/> pads them on the right to the
/// longest sequence of the batch and returns their lengths, which the models use to mask the padding.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SequenceDataset : IHtmlRenderable, ISized
{
    /// <summary>The task the labels belong to.</summary>
    public required SequenceTask Task { get; init; }
    /// <summary>Token ids of each example, oldest first.</summary>
    public required IReadOnlyList<int[]> Sequences { get; init; }
    /// <summary>Class index of each example.</summary>
    public required IReadOnlyList<int> Labels { get; init; }
    /// <summary>The user each example came from (splits keep a user's examples together).</summary>
    public required IReadOnlyList<string> UserIds { get; init; }
    /// <summary>Class names: event names for next-event, "retained"/"churned" for churn.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }
    /// <summary>The vocabulary the token ids refer to.</summary>
    public required Vocabulary Vocabulary { get; init; }
    /// <summary>For next-event examples: the full session each example was cut from and the position of its target
    /// (used to compute the true ceiling on exactly these examples).</summary>
    public IReadOnlyList<(int Session, int Position)>? SessionPositions { get; init; }
    /// <summary>For next-event data: every session's event names (indexed by <see cref="SessionPositions"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Sessions { get; init; }

    /// <summary>Number of examples.</summary>
    public int Count => Sequences.Count;
    /// <summary>Number of classes.</summary>
    public int Classes => ClassNames.Count;
    /// <summary>Longest sequence.</summary>
    public int MaxLength => Sequences.Count == 0 ? 0 : Sequences.Max(s => s.Length);

    /// <summary>The examples at <paramref name="indices"/> (in that order).</summary>
    public SequenceDataset Subset(IReadOnlyList<int> indices) => this with
    {
        Sequences = indices.Select(i => Sequences[i]).ToArray(),
        Labels = indices.Select(i => Labels[i]).ToArray(),
        UserIds = indices.Select(i => UserIds[i]).ToArray(),
        SessionPositions = SessionPositions is null ? null : indices.Select(i => SessionPositions[i]).ToArray(),
    };

    /// <summary>Splits the examples by user (<see cref="DataSplit.ByGroup"/>): no user is in two parts, and the parts
    /// depend on the users' events and the seed, not on user ids or row order.</summary>
    public DataSplit<SequenceDataset> SplitByUser(SplitOptions? options = null) =>
        DataSplit.ByGroup(UserIds, Enumerable.Range(0, Count).Select(i => $"{Labels[i]}:{string.Join(',', Sequences[i])}").ToArray(), options)
            .Select(part => Subset(part));

    /// <summary>Tokens [B, L] (padded with 0), lengths [B] and labels [B] of the examples at <paramref name="indices"/>.</summary>
    public (Tensor Tokens, Tensor Lengths, Tensor Labels) Batch(IReadOnlyList<int> indices, Device? device = null)
    {
        int b = indices.Count, l = Math.Max(1, indices.Max(i => Sequences[i].Length));
        var tokens = new long[b * l];
        var lengths = new long[b];
        var labels = new long[b];
        for (int r = 0; r < b; r++)
        {
            var s = Sequences[indices[r]];
            for (int t = 0; t < s.Length; t++) tokens[r * l + t] = s[t];
            lengths[r] = s.Length;
            labels[r] = Labels[indices[r]];
        }
        device ??= CPU;
        return (tensor(tokens, [b, l]).to(device), tensor(lengths).to(device), tensor(labels).to(device));
    }

    /// <summary>Examples per class, in class order.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes];
        foreach (var y in Labels) counts[y]++;
        return counts;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Task}: {Count:N0} sequences from {UserIds.Distinct().Count():N0} users, {Classes} classes, vocabulary {Vocabulary.Count}, longest {MaxLength}");

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["task", "sequences", "users", "classes", "vocabulary", "longest", "mean length"],
        [[Task, Count, UserIds.Distinct().Count(), Classes, Vocabulary.Count, MaxLength, Count == 0 ? 0 : Math.Round(Sequences.Average(s => s.Length), 1)]]);
}

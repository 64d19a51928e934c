using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Models;

namespace CustomerAnalytics.Tests.Sequences;

/// <summary>Small deterministic journeys for model tests.</summary>
internal static class SequenceTestData
{
    public static readonly string[] Tokens = ["itv", "channel4", "web", "visit", "e4", "dave"];

    /// <summary><paramref name="count"/> random journeys (seeded): inputs of 3-12 tokens, targets of 1-4.</summary>
    public static IReadOnlyList<SequencePair> Journeys(int count, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new SequencePair($"c{i}",
            Enumerable.Range(0, random.Next(3, 13)).Select(_ => Tokens[random.Next(Tokens.Length)]).ToArray(),
            Enumerable.Range(0, random.Next(1, 5)).Select(_ => Tokens[random.Next(Tokens.Length)]).ToArray())).ToArray();
    }

    public static (Vocabulary Vocabulary, IReadOnlyList<EncodedPair> Pairs) Encoded(int count, int seed = 1, int maxInput = 20, int maxTarget = 5)
    {
        var journeys = Journeys(count, seed);
        var vocabulary = Vocabulary.Build(journeys.Select(j => j.Input.Concat(j.Target)), startStop: true);
        return (vocabulary, new SequenceEncoder(vocabulary, maxInput, maxTarget).Encode(journeys).Pairs);
    }

    public static Seq2SeqOptions SmallModel(AttentionKind attention = AttentionKind.Luong) =>
        new() { EmbeddingSize = 16, HiddenSize = 32, Attention = attention };
}

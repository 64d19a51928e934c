using CustomerAnalytics.Data;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>An input sequence and the sequence that followed it, as tokens.</summary>
/// <param name="Id">Identifier (e.g. the customer id).</param>
/// <param name="Input">Input tokens, oldest first.</param>
/// <param name="Target">Tokens to predict, in order (may be empty at prediction time).</param>
public sealed record SequencePair(string Id, IReadOnlyList<string> Input, IReadOnlyList<string> Target)
{
    /// <summary>Journeys as sequence pairs (customer id, input touchpoints, target touchpoints).</summary>
    public static IReadOnlyList<SequencePair> FromJourneys(IEnumerable<JourneyRecord> journeys) =>
        journeys.Select(j => new SequencePair(j.CustomerId, j.Input, j.Target)).ToArray();
}

/// <summary>A sequence pair as vocabulary ids, ready for batching (no start/stop ids: the batcher adds them).</summary>
/// <param name="Id">Identifier (e.g. the customer id).</param>
/// <param name="Input">Input ids, at most the model's maximum input length.</param>
/// <param name="Target">Target ids, at most the model's maximum output length.</param>
public sealed record EncodedPair(string Id, int[] Input, int[] Target);

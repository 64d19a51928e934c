using CustomerAnalytics.Data;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>
/// Puts journeys in an order that does not depend on the order of the file's lines, and optionally keeps a seeded
/// random subset: what a notebook does before splitting, so that shuffling the lines of a file changes no result.
/// </summary>
public static class JourneySelection
{
    /// <summary>
    /// The journeys sorted by input, then target, then customer id (ordinal); when <paramref name="max"/> is above 0 and
    /// below their number, a random subset of <paramref name="max"/> drawn with <paramref name="seed"/> from that order
    /// (and returned in it). The same set of lines gives the same journeys in the same order, whatever their order in the
    /// file; and since content comes first, renaming the customers moves no journey (ids only order identical journeys).
    /// </summary>
    /// <exception cref="SequenceInputException"><paramref name="max"/> is negative (it never means "all").</exception>
    public static IReadOnlyList<JourneyRecord> Canonical(IEnumerable<JourneyRecord> journeys, int max = 0, int seed = 42)
    {
        if (max < 0)
            throw new SequenceInputException($"A subset of {max} journeys was asked for: give 0 for all of them or a positive number (maxJourneys in workshop 04).");
        var sorted = journeys.Select(j => (Journey: j, Input: string.Join(' ', j.Input), Target: string.Join(' ', j.Target)))
            .OrderBy(x => x.Input, StringComparer.Ordinal).ThenBy(x => x.Target, StringComparer.Ordinal)
            .ThenBy(x => x.Journey.CustomerId, StringComparer.Ordinal).Select(x => x.Journey).ToArray();
        if (max <= 0 || max >= sorted.Length) return sorted;
        var positions = Enumerable.Range(0, sorted.Length).ToArray();
        new Random(seed).Shuffle(positions);
        return positions.Take(max).Order().Select(i => sorted[i]).ToArray();
    }
}

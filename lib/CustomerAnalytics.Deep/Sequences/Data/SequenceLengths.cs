using System.Globalization;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>
/// The longest input and target of a set of sequences: the lengths a model built for that data should accept, so that
/// nothing is cut. Sequences in other
/// sets (validation, test, new journeys) that are longer still are truncated by <see cref="SequenceEncoder"/>, which
/// reports each one.
/// </summary>
/// <param name="LongestInput">Tokens in the longest input.</param>
/// <param name="LongestTarget">Tokens in the longest target.</param>
public sealed record SequenceLengths(int LongestInput, int LongestTarget)
{
    /// <summary>The longest input and target of <paramref name="pairs"/>.</summary>
    /// <exception cref="ArgumentException">There are no pairs, or none has a token.</exception>
    public static SequenceLengths Of(IEnumerable<SequencePair> pairs)
    {
        int input = 0, target = 0, count = 0;
        foreach (var pair in pairs)
        {
            count++;
            input = Math.Max(input, pair.Input.Count);
            target = Math.Max(target, pair.Target.Count);
        }
        if (input == 0 || target == 0)
            throw new ArgumentException($"The {count} sequence pair(s) given have no input or no target tokens: load journeys with both before sizing a model.", nameof(pairs));
        return new SequenceLengths(input, target);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"longest input {LongestInput} tokens, longest target {LongestTarget} tokens");
}

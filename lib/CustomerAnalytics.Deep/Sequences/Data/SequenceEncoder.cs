using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>
/// Turns token sequences into id sequences for a model with fixed maximum lengths. Inputs longer
/// than the maximum keep their most recent tokens (the end of a journey says most about what comes
/// next); targets keep their first tokens. Nothing is dropped silently: the report counts every
/// truncation, unknown token and empty sequence.
/// </summary>
public sealed class SequenceEncoder(Vocabulary vocabulary, int maxInputLength, int maxTargetLength)
{
    /// <summary>The vocabulary used.</summary>
    public Vocabulary Vocabulary { get; } = vocabulary;
    /// <summary>Longest input kept (older tokens are cut).</summary>
    public int MaxInputLength { get; } = maxInputLength > 0 ? maxInputLength : throw new ArgumentOutOfRangeException(nameof(maxInputLength));
    /// <summary>Longest target kept (later tokens are cut).</summary>
    public int MaxTargetLength { get; } = maxTargetLength > 0 ? maxTargetLength : throw new ArgumentOutOfRangeException(nameof(maxTargetLength));

    /// <summary>Encodes pairs. Pairs with an empty input (or, when <paramref name="requireTarget"/>, an empty
    /// target) are skipped and counted; the rest are truncated to the maximum lengths.</summary>
    public EncodingResult Encode(IEnumerable<SequencePair> pairs, bool requireTarget = true)
    {
        var encoded = new List<EncodedPair>();
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        int emptyInputs = 0, emptyTargets = 0, truncatedInputs = 0, truncatedTargets = 0, droppedTokens = 0;
        foreach (var pair in pairs)
        {
            if (pair.Input.Count == 0) { emptyInputs++; continue; }
            if (requireTarget && pair.Target.Count == 0) { emptyTargets++; continue; }
            foreach (var token in pair.Input.Concat(pair.Target).Where(t => !Vocabulary.Contains(t)))
                unknown[token] = unknown.GetValueOrDefault(token) + 1;
            var input = pair.Input;
            if (input.Count > MaxInputLength)
            {
                truncatedInputs++;
                droppedTokens += input.Count - MaxInputLength;
                input = input.Skip(input.Count - MaxInputLength).ToArray();
            }
            var target = pair.Target;
            if (target.Count > MaxTargetLength) { truncatedTargets++; target = target.Take(MaxTargetLength).ToArray(); }
            encoded.Add(new EncodedPair(pair.Id, Vocabulary.Encode(input), Vocabulary.Encode(target)));
        }
        var report = new EncodingReport(encoded.Count, emptyInputs, emptyTargets, truncatedInputs, droppedTokens, truncatedTargets,
            MaxInputLength, MaxTargetLength, unknown);
        return new EncodingResult(encoded, report);
    }
}

/// <summary>Encoded pairs and what happened to the ones that did not fit.</summary>
public sealed record EncodingResult(IReadOnlyList<EncodedPair> Pairs, EncodingReport Report);

/// <summary>What encoding changed or skipped.</summary>
/// <param name="Encoded">Pairs encoded.</param>
/// <param name="EmptyInputs">Pairs skipped because their input was empty.</param>
/// <param name="EmptyTargets">Pairs skipped because their target was empty.</param>
/// <param name="TruncatedInputs">Inputs longer than the maximum (their oldest tokens were cut).</param>
/// <param name="DroppedInputTokens">Input tokens cut in all.</param>
/// <param name="TruncatedTargets">Targets longer than the maximum (their last tokens were cut).</param>
/// <param name="MaxInputLength">The maximum input length.</param>
/// <param name="MaxTargetLength">The maximum target length.</param>
/// <param name="UnknownTokens">Tokens not in the vocabulary (mapped to &lt;unk&gt;), with their counts.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record EncodingReport(int Encoded, int EmptyInputs, int EmptyTargets, int TruncatedInputs, int DroppedInputTokens,
    int TruncatedTargets, int MaxInputLength, int MaxTargetLength, IReadOnlyDictionary<string, int> UnknownTokens) : IHtmlRenderable
{
    /// <summary>One warning a line, empty when the data fitted the model as it is.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var w = new List<string>();
            if (EmptyInputs > 0) w.Add($"{EmptyInputs} sequence(s) with no input tokens skipped: there is nothing to predict from.");
            if (EmptyTargets > 0) w.Add($"{EmptyTargets} sequence(s) with no target tokens skipped: there is nothing to learn or score.");
            if (TruncatedInputs > 0)
                w.Add($"{TruncatedInputs} input(s) longer than {MaxInputLength} tokens truncated to their last {MaxInputLength} ({DroppedInputTokens} older tokens dropped).");
            if (TruncatedTargets > 0) w.Add($"{TruncatedTargets} target(s) longer than {MaxTargetLength} tokens cut to their first {MaxTargetLength}.");
            if (UnknownTokens.Count > 0)
                w.Add($"{UnknownTokens.Values.Sum()} unknown token(s) mapped to {Vocabulary.Unknown}: " +
                      string.Join(", ", UnknownTokens.OrderByDescending(u => u.Value).Take(10).Select(u => $"'{u.Key}' x{u.Value}")) + ".");
            return w;
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Encoded.ToString(CultureInfo.InvariantCulture)} sequence(s) encoded" + (Warnings.Count == 0 ? "; nothing truncated or unknown." : ":\n  " + string.Join("\n  ", Warnings));

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["encoded", "warnings"],
        [[Encoded, Warnings.Count == 0 ? "none" : string.Join(" ", Warnings)]], "Encoding");
}

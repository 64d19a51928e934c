using System.Text.Json;

namespace CustomerAnalytics.Sequences;

/// <summary>
/// Maps tokens to integer ids and back. Ids 0-3 are reserved: padding, unknown, start and stop,
/// so every sequence model can pad batches, mark where decoding begins and ends, and accept tokens
/// it never saw in training. Data tokens are sorted by frequency, then name,
/// so the same data always gives the same ids.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Padding token (id 0): fills short sequences in a batch; ignored by the loss.</summary>
    public const string Pad = "<pad>";
    /// <summary>Unknown token (id 1): stands for any token not seen in training.</summary>
    public const string Unknown = "<unk>";
    /// <summary>Start token (id 2): the decoder's first input.</summary>
    public const string Start = "<start>";
    /// <summary>Stop token (id 3): the decoder emits it when the sequence ends.</summary>
    public const string Stop = "<stop>";

    /// <summary>Id of <see cref="Pad"/>.</summary>
    public const int PadId = 0;
    /// <summary>Id of <see cref="Unknown"/>.</summary>
    public const int UnknownId = 1;
    /// <summary>Id of <see cref="Start"/>.</summary>
    public const int StartId = 2;
    /// <summary>Id of <see cref="Stop"/>.</summary>
    public const int StopId = 3;

    private static readonly string[] Specials = [Pad, Unknown, Start, Stop];
    private readonly string[] tokens;
    private readonly Dictionary<string, int> ids;

    private Vocabulary(IEnumerable<string> all)
    {
        tokens = all.ToArray();
        ids = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Builds a vocabulary from sequences: the special tokens, then every token seen,
    /// most frequent first (ties by ordinal name), so the ids are deterministic.</summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> sequences)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in sequences)
            foreach (var token in sequence)
            {
                if (Specials.Contains(token))
                    throw new ArgumentException($"The token '{token}' is reserved for the model; rename it in the data.", nameof(sequences));
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        return new Vocabulary(Specials.Concat(counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key)));
    }

    /// <summary>Every token, by id (specials first).</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>The data tokens only (no specials).</summary>
    public IReadOnlyList<string> DataTokens => tokens[Specials.Length..];

    /// <summary>Number of ids, specials included (the model's input and output size).</summary>
    public int Count => tokens.Length;

    /// <summary>True when <paramref name="token"/> was seen in training.</summary>
    public bool Contains(string token) => ids.ContainsKey(token);

    /// <summary>The id of <paramref name="token"/>, or <see cref="UnknownId"/> when it was never seen.</summary>
    public int IdOf(string token) => ids.TryGetValue(token, out var id) ? id : UnknownId;

    /// <summary>The token with id <paramref name="id"/>.</summary>
    public string TokenOf(int id) => id >= 0 && id < tokens.Length ? tokens[id] : Unknown;

    /// <summary>Ids of <paramref name="sequence"/>; unknown tokens become <see cref="UnknownId"/>.</summary>
    public int[] Encode(IEnumerable<string> sequence) => sequence.Select(IdOf).ToArray();

    /// <summary>Tokens of <paramref name="sequenceIds"/>, stopping at the first stop id and skipping padding and start.</summary>
    public IReadOnlyList<string> Decode(IEnumerable<int> sequenceIds) =>
        sequenceIds.TakeWhile(id => id != StopId).Where(id => id != PadId && id != StartId).Select(TokenOf).ToArray();

    /// <summary>Writes the tokens in id order as a JSON array (saved next to a model checkpoint).</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(tokens));

    /// <summary>Reads a vocabulary written by <see cref="Save"/>.</summary>
    public static Vocabulary Load(string path)
    {
        var read = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) ?? [];
        if (read.Length < Specials.Length || !read.Take(Specials.Length).SequenceEqual(Specials))
            throw new InvalidDataException($"{path} is not a vocabulary saved by Vocabulary.Save (it must start with {string.Join(", ", Specials)}).");
        return new Vocabulary(read);
    }
}

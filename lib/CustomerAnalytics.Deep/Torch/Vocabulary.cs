using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAnalytics.Torch;

/// <summary>
/// Maps tokens (touchpoints, event names) to integer ids and back, for every sequence model. Id 0 is padding and id 1
/// stands for tokens never seen in training; a decoder's vocabulary also reserves 2 (start) and 3 (stop). Data tokens
/// follow by falling frequency, ties by ordinal name, so the same data always gives the same ids.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Padding token (id 0): fills short sequences in a batch; masked out and ignored by the loss.</summary>
    public const string Pad = "<pad>";
    /// <summary>Unknown token (id 1): stands for any token not seen in training.</summary>
    public const string Unknown = "<unk>";
    /// <summary>Start token (id 2, decoder vocabularies only): the decoder's first input.</summary>
    public const string Start = "<start>";
    /// <summary>Stop token (id 3, decoder vocabularies only): the decoder emits it when the sequence ends.</summary>
    public const string Stop = "<stop>";

    /// <summary>Id of <see cref="Pad"/>.</summary>
    public const int PadId = 0;
    /// <summary>Id of <see cref="Unknown"/>.</summary>
    public const int UnknownId = 1;
    /// <summary>Id of <see cref="Start"/> in a vocabulary built with start and stop tokens.</summary>
    public const int StartId = 2;
    /// <summary>Id of <see cref="Stop"/> in a vocabulary built with start and stop tokens.</summary>
    public const int StopId = 3;

    private static readonly string[] Plain = [Pad, Unknown], Decoding = [Pad, Unknown, Start, Stop];
    private readonly string[] tokens;
    private readonly Dictionary<string, int> ids;

    private Vocabulary(string[] all, int reserved)
    {
        tokens = all;
        ReservedCount = reserved;
        ids = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Builds a vocabulary from sequences: the reserved tokens, then every token seen, most frequent first
    /// (ties by ordinal name). <paramref name="startStop"/> adds the start and stop tokens a decoder needs.</summary>
    /// <exception cref="ArgumentException">A token of the data is one of the reserved names.</exception>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> sequences, bool startStop = false)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in sequences)
            foreach (var token in sequence)
            {
                if (Decoding.Contains(token))
                    throw new ArgumentException($"The token '{token}' is reserved for the model; rename it in the data.", nameof(sequences));
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        var reserved = startStop ? Decoding : Plain;
        return new Vocabulary([.. reserved, .. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key)], reserved.Length);
    }

    /// <summary>Every token, by id (reserved ones first).</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>Number of reserved tokens before the data tokens: 2, or 4 with start and stop.</summary>
    public int ReservedCount { get; }

    /// <summary>True when the vocabulary has the decoder's start and stop tokens.</summary>
    public bool HasStartStop => ReservedCount == Decoding.Length;

    /// <summary>The data tokens only (no reserved ones).</summary>
    public IReadOnlyList<string> DataTokens => tokens[ReservedCount..];

    /// <summary>Number of ids, reserved ones included (the embedding table's size).</summary>
    public int Count => tokens.Length;

    /// <summary>True when <paramref name="token"/> is a data token seen in training (reserved names are not).</summary>
    public bool Contains(string token) => ids.TryGetValue(token, out var id) && id >= ReservedCount;

    /// <summary>The id of a data token, or <see cref="UnknownId"/> when it was never seen (or is a reserved name).</summary>
    public int IdOf(string token) => ids.TryGetValue(token, out var id) && id >= ReservedCount ? id : UnknownId;

    /// <summary>The token with id <paramref name="id"/> (<see cref="Unknown"/> when out of range).</summary>
    public string TokenOf(int id) => id >= 0 && id < tokens.Length ? tokens[id] : Unknown;

    /// <summary>Ids of <paramref name="sequence"/>; unknown tokens become <see cref="UnknownId"/>.</summary>
    public int[] Encode(IEnumerable<string> sequence) => sequence.Select(IdOf).ToArray();

    /// <summary>Tokens of <paramref name="sequenceIds"/>, skipping padding (and, with start and stop, the start token,
    /// ending at the first stop token).</summary>
    public IReadOnlyList<string> Decode(IEnumerable<int> sequenceIds) =>
        sequenceIds.TakeWhile(id => !HasStartStop || id != StopId).Where(id => id != PadId && (!HasStartStop || id != StartId)).Select(TokenOf).ToArray();

    /// <summary>Writes the tokens in id order as a JSON array (kept next to a model's weights).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(tokens, VocabularyJson.Default.StringArray));

    /// <summary>Reads a vocabulary written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved vocabulary.</exception>
    public static Vocabulary Load(string path)
    {
        string[] read;
        try { read = JsonSerializer.Deserialize(File.ReadAllText(path), VocabularyJson.Default.StringArray) ?? []; }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not a vocabulary saved by Vocabulary.Save ({e.Message}); save the vocabulary again.", e); }
        var reserved = read.Length >= Decoding.Length && read.Take(Decoding.Length).SequenceEqual(Decoding) ? Decoding.Length
            : read.Length >= Plain.Length && read.Take(Plain.Length).SequenceEqual(Plain) && !read.Contains(Start) ? Plain.Length
            : throw new InvalidDataException($"{path} is not a vocabulary saved by Vocabulary.Save (it must start with {string.Join(", ", Plain)}); save the vocabulary again.");
        return new Vocabulary(read, reserved);
    }
}

// Source-generated JSON: file-based apps disable reflection-based serialisation.
[JsonSerializable(typeof(string[]))]
internal sealed partial class VocabularyJson : JsonSerializerContext;

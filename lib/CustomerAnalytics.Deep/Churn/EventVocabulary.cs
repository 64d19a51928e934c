using System.Text.Json;

namespace CustomerAnalytics.Churn;

/// <summary>
/// Event names as token ids: 0 is padding, 1 stands for event names never seen in training, then the known
/// events by falling frequency (ties by name), so ids are the same for the same data on every machine.
/// </summary>
public sealed class EventVocabulary
{
    /// <summary>Token id of padding (masked out by every model).</summary>
    public const int Padding = 0;
    /// <summary>Token id of an event name the vocabulary does not know.</summary>
    public const int Unknown = 1;
    /// <summary>Display names of the two reserved tokens.</summary>
    public const string PaddingName = "<pad>", UnknownName = "<unk>";

    private readonly Dictionary<string, int> ids;

    /// <summary>A vocabulary over the given tokens; <paramref name="tokens"/> starts with the two reserved names.</summary>
    public EventVocabulary(IReadOnlyList<string> tokens)
    {
        if (tokens.Count < 2 || tokens[0] != PaddingName || tokens[1] != UnknownName)
            throw new ArgumentException($"A vocabulary starts with {PaddingName} and {UnknownName}.", nameof(tokens));
        Tokens = tokens;
        ids = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
    }

    /// <summary>All tokens; the index is the id.</summary>
    public IReadOnlyList<string> Tokens { get; }
    /// <summary>Number of tokens, reserved ones included (the embedding table's size).</summary>
    public int Count => Tokens.Count;

    /// <summary>Builds the vocabulary from event names (e.g. every event of the training data).</summary>
    public static EventVocabulary Build(IEnumerable<string> eventNames) =>
        new([PaddingName, UnknownName, .. eventNames.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)]);

    /// <summary>True when <paramref name="eventName"/> has its own id.</summary>
    public bool Contains(string eventName) => ids.ContainsKey(eventName) && ids[eventName] > Unknown;

    /// <summary>The id of one event name (<see cref="Unknown"/> when not known).</summary>
    public int Id(string eventName) => ids.TryGetValue(eventName, out var id) && id > Unknown ? id : Unknown;

    /// <summary>The name of a token id.</summary>
    public string Name(int id) => id >= 0 && id < Tokens.Count ? Tokens[id] : UnknownName;

    /// <summary>Encodes event names. With <paramref name="allowUnknown"/> false, names the vocabulary lacks raise
    /// <see cref="UnknownEventException"/> listing them with counts; otherwise they become <see cref="Unknown"/>.</summary>
    public int[] Encode(IReadOnlyList<string> eventNames, bool allowUnknown = true)
    {
        if (!allowUnknown)
        {
            var unknown = eventNames.Where(n => !Contains(n)).GroupBy(n => n).Select(g => $"'{g.Key}' x{g.Count()}").ToArray();
            if (unknown.Length > 0)
                throw new UnknownEventException($"{unknown.Length} event name(s) unknown to the model: {string.Join(", ", unknown)}. " +
                    $"Known: {string.Join(", ", Tokens.Skip(2))}. Map them to known names, retrain with them, or allow unknown events (they become {UnknownName}).");
        }
        return eventNames.Select(Id).ToArray();
    }

    /// <summary>The vocabulary as a JSON array of tokens.</summary>
    public string ToJson() => JsonSerializer.Serialize(Tokens.ToArray(), ChurnJsonContext.Default.StringArray);

    /// <summary>Reads a vocabulary written by <see cref="ToJson"/>.</summary>
    public static EventVocabulary FromJson(string json) =>
        new(JsonSerializer.Deserialize(json, ChurnJsonContext.Default.StringArray) ?? throw new ChurnDataException("Empty vocabulary JSON."));
}

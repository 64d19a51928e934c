using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerAnalytics.Display;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Churn.Data;

namespace CustomerAnalytics.Churn.Training;

/// <summary>
/// What a run was trained on, as name/value pairs (the data file's SHA-256, the split, the label definitions, the
/// sequence options and, through <see cref="WithConfig"/>, the model configuration), and their fingerprint. The run
/// store records them with every run, so <see cref="RunStore.Best(ModelConfig, RunInputs)"/> only compares runs
/// trained on the same inputs and never reloads a model trained on other data, another split or other labels.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record RunInputs : IHtmlRenderable
{
    /// <summary>The inputs, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The first 16 hex digits of the SHA-256 of the sorted "name=value" lines: equal inputs, equal fingerprint.</summary>
    public string Fingerprint { get; }

    /// <summary>Inputs from name/value pairs (a name given twice keeps the last value).</summary>
    public RunInputs(IEnumerable<KeyValuePair<string, string>> values)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in values) sorted[k] = v;
        Values = sorted;
        Fingerprint = Sha256(string.Concat(sorted.Select(p => $"{p.Key}={p.Value}\n")))[..16];
    }

    /// <summary>Inputs from name/value pairs.</summary>
    public static RunInputs Of(params (string Name, string Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    /// <summary>
    /// The inputs of workshop 05's models: the events file (by content, so a copy elsewhere matches and an edited
    /// file does not), the user split, the churn and bounce definitions and the sequence options.
    /// </summary>
    public static RunInputs ForEvents(string eventsFile, SplitOptions split, ChurnLabelOptions labels, SequenceOptions? sequences = null)
    {
        if (!File.Exists(eventsFile)) throw new RunStoreException($"{eventsFile} does not exist: pass the events file the models are trained on.");
        sequences ??= SequenceOptions.Default;
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        return Of(
            ("data_sha256", FileSha256(eventsFile)),
            ("split", I($"by user, validation {split.Validation}, test {split.Test}, seed {split.Seed}")),
            ("labels", I($"churn window {labels.ChurnWindow}, bounce window {labels.BounceWindow}, engagement event {labels.EngagementEvent}")),
            ("sequences", I($"next-event length {sequences.MaxNextEventLength}, churn length {sequences.MaxChurnLength}, observation window {sequences.ObservationWindow?.ToString() ?? "churn window"}")));
    }

    /// <summary>These inputs plus one more (or a new value for an existing name).</summary>
    public RunInputs With(string name, string value) => new(Values.Append(KeyValuePair.Create(name, value)));

    /// <summary>These inputs plus the SHA-256 of the model configuration (its <see cref="ModelConfig.ToJson"/>): epochs, seed, grid and all.</summary>
    public RunInputs WithConfig(ModelConfig config) => With("config_sha256", Sha256(config.ToJson()));

    /// <summary>The SHA-256 of a file's bytes, as lowercase hex.</summary>
    public static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <inheritdoc />
    public bool Equals(RunInputs? other) => other is not null && other.Fingerprint == Fingerprint;

    /// <inheritdoc />
    public override int GetHashCode() => Fingerprint.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"fingerprint {Fingerprint} ({string.Join("; ", Values.Select(p => $"{p.Key}: {Short(p.Value)}"))})";

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["input", "value"], Values.Select(p => new object?[] { p.Key, p.Value }), $"Run inputs, fingerprint {Fingerprint}");

    private static string Short(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower) ? value[..12] + "…" : value;
}

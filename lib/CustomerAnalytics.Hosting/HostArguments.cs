namespace CustomerAnalytics.Hosting;

/// <summary>
/// The options every host takes, parsed one way for the runner and the apps: <c>--param name=value</c> (repeatable,
/// each name once; a C# variable name) and <c>--out DIR</c>, also written <c>--out=DIR</c>. A host reads its own
/// options around them with <see cref="TryRead"/>.
/// </summary>
/// <param name="usageError">Makes the host's usage exception from a message (the runner's and the apps' end with exit code 2).</param>
public sealed class HostArguments(Func<string, Exception> usageError)
{
    private readonly Dictionary<string, string> parameters = new(StringComparer.Ordinal);

    /// <summary>The <c>--param</c> values, name to raw text.</summary>
    public IReadOnlyDictionary<string, string> Parameters => parameters;

    /// <summary>The <c>--out</c> folder as given, or null.</summary>
    public string? OutputFolder { get; private set; }

    /// <summary>
    /// Reads <c>--param</c> or <c>--out</c> at <paramref name="index"/> (moving past its value); false for any other
    /// argument, which the host then reads itself.
    /// </summary>
    /// <exception cref="Exception">The host's usage exception: a missing value, a malformed or repeated parameter.</exception>
    public bool TryRead(IReadOnlyList<string> args, ref int index)
    {
        var arg = args[index];
        var (name, inline) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
        if (name is not ("--param" or "--out")) return false;
        string value;
        if (inline is not null) value = inline;
        else if (index + 1 < args.Count) value = args[++index];
        else throw usageError($"{name} needs a value.");

        if (name == "--out") OutputFolder = value;
        else
        {
            var (key, text) = Parameter(value);
            if (!parameters.TryAdd(key, text)) throw usageError($"--param {key} is given twice; give each parameter once.");
        }
        return true;
    }

    private (string Name, string Value) Parameter(string text)
    {
        var eq = text.IndexOf('=');
        var name = eq > 0 ? text[..eq].Trim() : "";
        if (eq <= 0 || !IsIdentifier(name))
            throw usageError($"--param expects name=value with a C# variable name, for example --param sampleSize=200; got '{text}'.");
        return (name, text[(eq + 1)..]);
    }

    // A C# identifier (letters, digits, '_', not starting with a digit); keywords are caught where the value is injected.
    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}

using System.Globalization;
using System.Text.Json;
using CustomerAnalytics.Display;

namespace CustomerAnalytics;

/// <summary>One headline number of a workshop run, e.g. ("chosen k", 4).</summary>
public sealed record KeyNumber(string Name, double Value)
{
    /// <summary>The value as shown: whole numbers without decimals, large ones with two, small ones to 4 significant digits.</summary>
    public string Shown => Value.ToString(
        Value == Math.Round(Value) && Math.Abs(Value) < 1e15 ? "N0" : Math.Abs(Value) >= 1000 ? "N2" : "G4", CultureInfo.InvariantCulture);
}

/// <summary>
/// The few numbers that sum up a workshop run (chosen k, test AUC, accuracy...). The notebook shows them
/// as its last table; under the headless runner and in the file-based apps they are also written to
/// <c>key-numbers.json</c> in the output folder, so the HTML report index can list them and the tests can
/// check that a notebook and its app twin agree.
/// </summary>
/// <param name="Notebook">The notebook's file name without extension, e.g. "02-kmeans-segmentation".</param>
/// <param name="Numbers">The numbers, in the order given.</param>
/// <param name="SavedTo">The JSON file written, or null (a notebook opened in Jupyter writes none).</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record KeyNumbers(string Notebook, IReadOnlyList<KeyNumber> Numbers, string? SavedTo) : IHtmlRenderable
{
    /// <summary>File name in the output folder.</summary>
    public const string FileName = "key-numbers.json";

    /// <summary>The value of <paramref name="name"/>; throws naming the numbers there are.</summary>
    public double this[string name] => Numbers.FirstOrDefault(n => n.Name == name)?.Value
        ?? throw new KeyNotFoundException($"No key number '{name}' in {Notebook}. There are: {string.Join(", ", Numbers.Select(n => n.Name))}.");

    /// <summary>Writes <c>{"notebook": ..., "numbers": [{"name": ..., "value": ...}]}</c> (values round-trip exactly).</summary>
    public static string ToJson(string notebook, IEnumerable<KeyNumber> numbers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("notebook", notebook);
            json.WriteStartArray("numbers");
            foreach (var n in numbers)
            {
                if (!double.IsFinite(n.Value))
                    throw new ArgumentException($"Key number '{n.Name}' is {n.Value}; only finite numbers can be recorded.", nameof(numbers));
                json.WriteStartObject();
                json.WriteString("name", n.Name);
                json.WriteNumber("value", n.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a <c>key-numbers.json</c> file.</summary>
    public static KeyNumbers Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var numbers = root.GetProperty("numbers").EnumerateArray()
            .Select(n => new KeyNumber(n.GetProperty("name").GetString()!, n.GetProperty("value").GetDouble()))
            .ToArray();
        return new KeyNumbers(root.GetProperty("notebook").GetString()!, numbers, Path.GetFullPath(path));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Key numbers of {Notebook}:" + string.Concat(Numbers.Select(n => $"{Environment.NewLine}  {n.Name}: {n.Shown}"));

    /// <inheritdoc />
    public string ToHtml() => Html.Table(["key number", "value"], Numbers.Select(n => new object?[] { n.Name, n.Shown }), $"Key numbers of {Notebook}");
}

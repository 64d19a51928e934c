using System.Globalization;
using System.Text.Json;

namespace CustomerAnalytics.Runner;

/// <summary>One headline result of a notebook, for the report index ("chosen k" = 4).</summary>
/// <param name="Name">What the number is.</param>
/// <param name="Value">The number.</param>
public sealed record KeyNumber(string Name, double Value)
{
    /// <summary>The value for people: up to four decimals, thousands separated when large, invariant culture.</summary>
    public string FormattedValue => Math.Abs(Value) switch
    {
        >= 1000 => Value.ToString("#,##0.##", CultureInfo.InvariantCulture),
        >= 0.001 or 0.0 => Value.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Value.ToString("G3", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Reads <c>key-numbers.json</c>, which a notebook may write into its chart folder:
/// <c>{"notebook":"02-kmeans-segmentation","numbers":[{"name":"chosen k","value":4}]}</c>.
/// </summary>
public static class KeyNumbers
{
    /// <summary>The file name in a notebook's chart folder.</summary>
    public const string FileName = "key-numbers.json";

    /// <summary>
    /// The numbers in <paramref name="chartsDirectory"/>/key-numbers.json: empty when there is no such file, and
    /// <paramref name="problem"/> set (numbers empty) when the file is not in the expected shape.
    /// </summary>
    public static IReadOnlyList<KeyNumber> Read(string? chartsDirectory, out string? problem)
    {
        problem = null;
        if (chartsDirectory is null) return [];
        var path = Path.Combine(chartsDirectory, FileName);
        if (!File.Exists(path)) return [];
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.GetProperty("numbers").EnumerateArray()
                .Select(n => new KeyNumber(n.GetProperty("name").GetString() ?? "", n.GetProperty("value").GetDouble()))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            problem = $"{path} could not be read ({e.Message}); expected {{\"notebook\": ..., \"numbers\": [{{\"name\": \"...\", \"value\": 1.0}}]}}.";
            return [];
        }
    }
}

using System.Text.Json.Nodes;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>
/// Model Monitor's statistics.json: the rows seen and each feature's <see cref="FeatureStatistics"/>. Written and read
/// in SageMaker's shape (<c>dataset.item_count</c>; per feature <c>name</c>, <c>inferred_type</c>,
/// <c>numerical_statistics</c> or <c>string_statistics</c> with <c>common.num_present</c> / <c>num_missing</c>, and the
/// distribution: <c>kll</c> buckets and sketch for numbers, <c>categorical</c> buckets for text).
/// </summary>
public sealed record DatasetStatistics(long ItemCount, IReadOnlyList<FeatureStatistics> Features)
{
    /// <summary>The statistics of <paramref name="rows"/>: every field any row has is a feature, in the order first seen.</summary>
    public static DatasetStatistics Of(IReadOnlyList<MonitoredRow> rows)
    {
        var names = rows.SelectMany(r => r.Fields.Keys).Distinct(StringComparer.Ordinal).ToArray();
        return new DatasetStatistics(rows.Count, names.Select(n => FeatureStatistics.Of(n,
            rows.Select(r => r.Fields.TryGetValue(n, out var v) ? v : FeatureValue.Missing).ToArray())).ToArray());
    }

    /// <summary>The feature named <paramref name="name"/>, or null.</summary>
    public FeatureStatistics? this[string name] => Features.FirstOrDefault(f => f.Name == name);

    /// <summary>statistics.json's text.</summary>
    public string ToJson() => new JsonObject
    {
        ["version"] = 0.0,
        ["dataset"] = new JsonObject { ["item_count"] = ItemCount },
        ["features"] = new JsonArray(Features.Select(Feature).ToArray()),
    }.ToJsonString(MonitoringJson.Options);

    /// <summary>Reads statistics.json's text (as <see cref="ToJson"/> writes it).</summary>
    /// <exception cref="InvalidDataException">The text is not a statistics file (the message says what is missing).</exception>
    public static DatasetStatistics FromJson(string json)
    {
        var root = MonitoringJson.Parse(json, "statistics");
        var features = MonitoringJson.Array(root, "features").Select(f =>
        {
            var name = MonitoringJson.String(f, "name");
            var type = Enum.Parse<InferredType>(MonitoringJson.String(f, "inferred_type"));
            var block = f![type == InferredType.String ? "string_statistics" : "numerical_statistics"]
                ?? throw new InvalidDataException($"statistics of {name}: no {(type == InferredType.String ? "string" : "numerical")}_statistics");
            var common = block["common"]!;
            var statistics = new FeatureStatistics(name, type, (long)common["num_present"]!, (long)common["num_missing"]!);
            if (type == InferredType.String)
                return statistics with { Categories = block["distribution"]!["categorical"]!["buckets"]!.AsArray().ToDictionary(b => (string)b!["value"]!, b => (long)b!["count"]!, StringComparer.Ordinal) };
            if (block["mean"] is null) return statistics;
            return statistics with
            {
                Numbers = ((double)block["mean"]!, (double)block["sum"]!, (double)block["std_dev"]!, (double)block["min"]!, (double)block["max"]!),
                Sketch = block["distribution"]!["kll"]!["sketch"]!["data"]![0]!.AsArray().Select(v => (double)v!).ToArray(),
            };
        }).ToArray();
        return new DatasetStatistics((long)root["dataset"]!["item_count"]!, features);
    }

    private static JsonNode Feature(FeatureStatistics f)
    {
        var common = new JsonObject { ["num_present"] = f.Present, ["num_missing"] = f.Missing };
        if (f.Type == InferredType.String)
            return new JsonObject
            {
                ["name"] = f.Name, ["inferred_type"] = f.Type.ToString(),
                ["string_statistics"] = new JsonObject
                {
                    ["common"] = common, ["distinct_count"] = f.Categories.Count,
                    ["distribution"] = new JsonObject { ["categorical"] = new JsonObject { ["buckets"] = new JsonArray(
                        f.Categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                            .Select(c => (JsonNode)new JsonObject { ["value"] = c.Key, ["count"] = c.Value }).ToArray()) } },
                },
            };
        var numbers = new JsonObject { ["common"] = common };
        if (f.Numbers is { } n)
        {
            numbers["mean"] = n.Mean; numbers["sum"] = n.Sum; numbers["std_dev"] = n.StdDev; numbers["min"] = n.Min; numbers["max"] = n.Max;
            numbers["distribution"] = new JsonObject { ["kll"] = new JsonObject
            {
                ["buckets"] = new JsonArray(Buckets(f.Sketch, n.Min, n.Max, f.Present).ToArray()),
                ["sketch"] = new JsonObject { ["parameters"] = new JsonObject { ["k"] = FeatureStatistics.SketchSize }, ["data"] = new JsonArray(new JsonArray(f.Sketch.Select(v => (JsonNode)v).ToArray())) },
            } };
        }
        return new JsonObject { ["name"] = f.Name, ["inferred_type"] = f.Type.ToString(), ["numerical_statistics"] = numbers };
    }

    // Ten equal-width buckets from min to max, counted from the sketch and scaled to the rows present (for reading only).
    private static IEnumerable<JsonNode> Buckets(IReadOnlyList<double> sketch, double min, double max, long present)
    {
        var width = (max - min) / 10;
        for (var b = 0; b < 10; b++)
        {
            var (low, high) = (min + b * width, b == 9 ? max : min + (b + 1) * width);
            var inBucket = sketch.Count(v => v >= low && (b == 9 ? v <= high : v < high));
            yield return new JsonObject { ["lower_bound"] = low, ["upper_bound"] = high, ["count"] = Math.Round((double)inBucket / sketch.Count * present) };
            if (width == 0) yield break;
        }
    }
}

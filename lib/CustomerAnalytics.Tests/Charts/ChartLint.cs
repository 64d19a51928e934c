using System.Text.Json;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace CustomerAnalytics.Tests.Charts;

/// <summary>
/// Checks a chart against the workshop's chart rules: a chart title, every axis a trace uses titled, no trace named
/// plotly's default <c>trace N</c>, every trace named when a legend shows, every heatmap's colour bar titled.
/// Works on the figure JSON (<c>{data, layout, config}</c>), so it checks a <see cref="GenericChart"/> and a saved chart alike.
/// </summary>
internal static partial class ChartLint
{
    // Trace types drawn on x/y axes and whether they appear in a legend.
    private static readonly Dictionary<string, bool> CartesianInLegend = new(StringComparer.Ordinal)
    {
        ["scatter"] = true, ["scattergl"] = true, ["bar"] = true, ["histogram"] = true, ["box"] = true, ["violin"] = true,
        ["heatmap"] = false, ["contour"] = false, ["histogram2d"] = false,
    };

    private static readonly HashSet<string> ColorBarTypes = new(StringComparer.Ordinal) { "heatmap", "contour", "histogram2d" };

    /// <summary>The rule violations of <paramref name="chart"/>, one sentence each; empty when it passes.</summary>
    public static IReadOnlyList<string> Problems(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Problems(GenericChart.toJson(chart));
    }

    /// <summary>The rule violations of a plotly figure given as JSON (<c>{"data": [...], "layout": {...}}</c>).</summary>
    public static IReadOnlyList<string> Problems(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        using var document = JsonDocument.Parse(figureJson);
        var root = document.RootElement;
        var layout = root.TryGetProperty("layout", out var l) ? l : default;
        var traces = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array ? d.EnumerateArray().ToArray() : [];
        var problems = new List<string>();
        if (Text(Get(layout, "title")) is null) problems.Add("The chart has no title.");

        var axes = new SortedSet<string>(StringComparer.Ordinal);
        var legendEntries = 0;
        for (var i = 0; i < traces.Length; i++)
        {
            var trace = traces[i];
            var type = Str(Get(trace, "type")) ?? "scatter";
            var name = Str(Get(trace, "name"));
            if (name is not null && DefaultTraceName().IsMatch(name))
                problems.Add($"Trace {i} ({type}) has plotly's default name '{name}': give it a name that says what it shows.");
            if (CartesianInLegend.TryGetValue(type, out var inLegend))
            {
                axes.Add(AxisKey("xaxis", Str(Get(trace, "xaxis")) ?? "x"));
                axes.Add(AxisKey("yaxis", Str(Get(trace, "yaxis")) ?? "y"));
                if (inLegend && Get(trace, "showlegend") is not { ValueKind: JsonValueKind.False }) legendEntries++;
            }
            if (type == "scatter3d")
                foreach (var axis in new[] { "xaxis", "yaxis", "zaxis" })
                    if (Text(Get(Get(Get(layout, Str(Get(trace, "scene")) ?? "scene"), axis), "title")) is null)
                        problems.Add($"The 3-D scene's {axis} has no title.");
            if (ColorBarTypes.Contains(type) && Get(trace, "showscale") is not { ValueKind: JsonValueKind.False } &&
                Text(Get(Get(trace, "colorbar"), "title")) is null)
                problems.Add($"Trace {i} ({type}) has a colour bar without a title: say what the colour measures.");
        }

        var legendShown = Get(layout, "showlegend") is { ValueKind: JsonValueKind.True } ||
                          (legendEntries > 1 && Get(layout, "showlegend") is not { ValueKind: JsonValueKind.False });
        if (legendShown)
            for (var i = 0; i < traces.Length; i++)
                if (CartesianInLegend.GetValueOrDefault(Str(Get(traces[i], "type")) ?? "scatter") &&
                    Get(traces[i], "showlegend") is not { ValueKind: JsonValueKind.False } && Str(Get(traces[i], "name")) is null or "")
                    problems.Add($"Trace {i} has no name but the legend shows it (plotly would call it 'trace {i}').");

        foreach (var axis in axes)
            if (Text(Get(Get(layout, axis), "title")) is null) problems.Add($"The axis {axis} has no title: name it with its unit.");
        return problems;
    }

    // "x" -> "xaxis", "x2" -> "xaxis2".
    private static string AxisKey(string prefix, string reference) => prefix + reference[1..];

    // A title is a string or an object with a non-empty "text".
    private static string? Text(JsonElement? title) => title switch
    {
        { ValueKind: JsonValueKind.String } s when !string.IsNullOrWhiteSpace(s.GetString()) => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => Str(Get(o, "text")) is { } t && !string.IsNullOrWhiteSpace(t) ? t : null,
        _ => null,
    };

    private static string? Str(JsonElement? element) => element is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static JsonElement? Get(JsonElement? element, string? property) =>
        property is not null && element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(property, out var value) ? value : null;

    [GeneratedRegex(@"^trace \d+$")]
    private static partial Regex DefaultTraceName();
}

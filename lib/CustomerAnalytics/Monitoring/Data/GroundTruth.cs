using System.Text.Json;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>
/// A true outcome that arrived after the prediction: which captured event and position it belongs to, and whether the
/// session ended in an order. A labels file has one JSON object a line: <c>{"eventId": "...", "position": 0, "ordered": 1}</c>
/// (<c>position</c> may be left out for a single session).
/// </summary>
public sealed record GroundTruth(string EventId, int Position, bool Ordered)
{
    /// <summary>Reads a labels file.</summary>
    /// <exception cref="InvalidDataException">A line is not a label; the message names the file, the line and the field.</exception>
    public static IReadOnlyList<GroundTruth> Read(string path)
    {
        var labels = new List<GroundTruth>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = root.TryGetProperty("eventId", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new InvalidDataException("no \"eventId\" string");
                var position = root.TryGetProperty("position", out var p) ? p.GetInt32() : 0;
                var ordered = root.TryGetProperty("ordered", out var o) && o.ValueKind == JsonValueKind.Number && o.GetInt32() is 0 or 1
                    ? o.GetInt32() == 1 : throw new InvalidDataException("\"ordered\" must be 0 or 1");
                labels.Add(new GroundTruth(id, position, ordered));
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or FormatException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}, line {number}: not a label ({ex.Message}).", ex);
            }
        }
        return labels;
    }
}

using System.Globalization;
using System.Text.Json;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>One value of one feature as a request or a training row gave it: a number, a string, or nothing.</summary>
public readonly record struct FeatureValue(double? Number, string? Text)
{
    /// <summary>No value (null, or the field absent).</summary>
    public static FeatureValue Missing => default;

    /// <summary>True when there is a value.</summary>
    public bool IsPresent => Number is not null || Text is not null;

    /// <summary>The value's own type: Integral for a whole number, Fractional for another number, String for text.</summary>
    public InferredType Type => Text is not null ? InferredType.String
        : Number is { } n && Math.Floor(n) == n && !double.IsInfinity(n) ? InferredType.Integral : InferredType.Fractional;

    /// <summary>The value of a JSON field: numbers and strings as they are, true/false as 1/0, anything else missing.</summary>
    public static FeatureValue Of(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Number => new FeatureValue(json.GetDouble(), null),
        JsonValueKind.String => new FeatureValue(null, json.GetString()),
        JsonValueKind.True => new FeatureValue(1, null),
        JsonValueKind.False => new FeatureValue(0, null),
        _ => Missing,
    };

    /// <summary>The value as the distribution of a String feature counts it.</summary>
    public string Category => Text ?? Number?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}

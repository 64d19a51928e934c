using System.Text.Json.Serialization;

namespace CustomerAnalytics.Churn;

// Source-generated JSON (file-based apps disable reflection-based serialisation).
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ChurnJsonContext : JsonSerializerContext;

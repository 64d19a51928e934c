using YamlDotNet.RepresentationModel;

namespace CustomerAnalytics.Tests.Infra;

/// <summary>
/// A CloudFormation YAML template as plain data: mappings become <c>Dictionary&lt;string, object?&gt;</c>,
/// sequences <c>List&lt;object?&gt;</c>, scalars strings. Short-form tags are expanded to their long form the way
/// CloudFormation reads them: <c>!Ref X</c> to <c>{Ref: X}</c>, <c>!GetAtt A.B</c> to <c>{Fn::GetAtt: [A, B]}</c>,
/// any other <c>!Name v</c> to <c>{Fn::Name: v}</c>.
/// </summary>
internal sealed class CloudFormationTemplate
{
    private CloudFormationTemplate(Dictionary<string, object?> root) => Root = root;

    public Dictionary<string, object?> Root { get; }

    public Dictionary<string, object?> Parameters => Map(Root, "Parameters");
    public Dictionary<string, object?> Resources => Map(Root, "Resources");
    public Dictionary<string, object?> Outputs => Map(Root, "Outputs");

    public static CloudFormationTemplate Load(string path) => Parse(File.ReadAllText(path));

    public static CloudFormationTemplate Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new CloudFormationTemplate((Dictionary<string, object?>)Convert(stream.Documents[0].RootNode)!);
    }

    /// <summary>The resources of one type, by logical id.</summary>
    public IEnumerable<(string Id, Dictionary<string, object?> Resource)> ResourcesOfType(string type) =>
        Resources.Select(r => (r.Key, (Dictionary<string, object?>)r.Value!))
                 .Where(r => (string?)r.Item2["Type"] == type);

    public static Dictionary<string, object?> Properties(Dictionary<string, object?> resource) =>
        resource.TryGetValue("Properties", out var p) && p is Dictionary<string, object?> map ? map : new();

    public static Dictionary<string, object?> Map(Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is Dictionary<string, object?> child
            ? child
            : throw new KeyNotFoundException($"'{key}' is missing or not a mapping; keys: {string.Join(", ", map.Keys)}");

    /// <summary>A value or a list of values as a list (CloudFormation accepts both in many places).</summary>
    public static List<object?> List(object? value) => value as List<object?> ?? [value];

    private static object? Convert(YamlNode node)
    {
        object? value = node switch
        {
            YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Convert(c.Value)),
            YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
            YamlScalarNode scalar => scalar.Value,
            _ => throw new NotSupportedException(node.GetType().Name),
        };
        var tag = node.Tag.IsEmpty ? "" : node.Tag.Value;
        if (tag.Length < 2 || !tag.StartsWith('!') || tag.StartsWith("!!")) return value;
        var name = tag[1..];
        return name switch
        {
            "Ref" => new Dictionary<string, object?> { ["Ref"] = value },
            "Condition" => new Dictionary<string, object?> { ["Condition"] = value },
            "GetAtt" when value is string dotted => new Dictionary<string, object?>
            {
                ["Fn::GetAtt"] = dotted.Split('.', 2).Cast<object?>().ToList(),
            },
            _ => new Dictionary<string, object?> { ["Fn::" + name] = value },
        };
    }
}

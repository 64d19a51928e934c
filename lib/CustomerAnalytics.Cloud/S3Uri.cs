namespace CustomerAnalytics.Cloud;

/// <summary>A bucket and key, written s3://bucket/key. A key ending in "/" (or empty) names a folder.</summary>
public sealed record S3Uri(string Bucket, string Key)
{
    /// <summary>True when <paramref name="text"/> starts with s3://.</summary>
    public static bool IsS3(string? text) => text is not null && text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses s3://bucket/key (the key may be empty).</summary>
    public static S3Uri Parse(string text)
    {
        if (!IsS3(text)) throw new FormatException($"'{text}' is not an S3 URI: expected s3://bucket/key");
        var rest = text["s3://".Length..];
        int slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) throw new FormatException($"'{text}' has no bucket name: expected s3://bucket/key");
        return new S3Uri(bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }

    /// <summary>This location treated as a folder, with <paramref name="name"/> appended.</summary>
    public S3Uri Combine(string name) => this with { Key = JoinKey(Key, name) };

    /// <inheritdoc/>
    public override string ToString() => $"s3://{Bucket}/{Key}";

    /// <summary>Joins key parts with single slashes.</summary>
    internal static string JoinKey(string prefix, string name)
    {
        prefix = prefix.Trim('/');
        name = name.TrimStart('/');
        return prefix.Length == 0 ? name : name.Length == 0 ? prefix + "/" : prefix + "/" + name;
    }
}

namespace CustomerAnalytics.Cloud;

/// <summary>An object stored in S3.</summary>
/// <param name="Bucket">Bucket name.</param>
/// <param name="Key">Full key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastModified">Last modification time (UTC), when the server reports it.</param>
/// <param name="ETag">Entity tag (an MD5 for single-part uploads), when known.</param>
public sealed record S3ObjectInfo(string Bucket, string Key, long Size, DateTime? LastModified, string? ETag)
{
    /// <summary>The object's s3:// URI.</summary>
    public S3Uri Uri => new(Bucket, Key);

    /// <inheritdoc/>
    public override string ToString() => $"{Uri} ({Size:N0} bytes)";
}

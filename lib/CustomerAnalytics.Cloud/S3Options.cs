namespace CustomerAnalytics.Cloud;

/// <summary>
/// Where and how to reach S3 (AWS or a compatible server such as s3rver or MinIO).
/// Credentials: <see cref="AccessKeyId"/>/<see cref="SecretAccessKey"/> when set, else the named
/// <see cref="Profile"/>, else the standard AWS chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
/// AWS_PROFILE and ~/.aws, SSO, instance role).
/// </summary>
public sealed record S3Options
{
    /// <summary>Bucket used for keys that are not full s3:// URIs.</summary>
    public string? Bucket { get; init; }
    /// <summary>Prefix ("folder") prepended to relative keys, for example "workshops/olist".</summary>
    public string Prefix { get; init; } = "";
    /// <summary>AWS region; null: us-east-1. <see cref="For"/> takes it from the workshop's settings (AWS_REGION, then AWS_DEFAULT_REGION).</summary>
    public string? Region { get; init; }
    /// <summary>Endpoint of an S3-compatible server (for example http://127.0.0.1:4568); null for AWS.</summary>
    public string? ServiceUrl { get; init; }
    /// <summary>Address buckets as http://host/bucket rather than http://bucket.host; needed by local servers.</summary>
    public bool ForcePathStyle { get; init; }
    /// <summary>Access key id (leave null to use a profile or the environment).</summary>
    public string? AccessKeyId { get; init; }
    /// <summary>Secret access key, with <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; init; }
    /// <summary>Session token for temporary credentials, with <see cref="AccessKeyId"/>.</summary>
    public string? SessionToken { get; init; }
    /// <summary>Named profile from ~/.aws/credentials or ~/.aws/config.</summary>
    public string? Profile { get; init; }
    /// <summary>Files at least this large are uploaded in parts (multipart upload).</summary>
    public long MultipartThreshold { get; init; } = 16L << 20;
    /// <summary>Size of each part of a multipart upload; S3 requires at least 5 MiB (except the last part).</summary>
    public long PartSize { get; init; } = 8L << 20;
    /// <summary>Parts uploaded at the same time.</summary>
    public int ConcurrentParts { get; init; } = 4;
    /// <summary>Retries of a failed request (the SDK backs off between them).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The region actually used (no environment is read here: see <see cref="For"/>).</summary>
    public string EffectiveRegion => Region ?? "us-east-1";

    /// <summary>
    /// Options for the workshop's machine, from the settings <see cref="Workshop.Start()"/> read once: the bucket
    /// (<see cref="Workshop.Bucket"/>), the region and a custom endpoint (<see cref="Workshop.S3Endpoint"/>). An endpoint
    /// means a local server (s3rver, MinIO), which needs path-style addressing; the SDK does not switch that on by
    /// itself. Credentials come from the SDK's own chain when the client is created.
    /// </summary>
    public static S3Options For(Workshop workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new S3Options { Bucket = workshop.Bucket, ServiceUrl = workshop.S3Endpoint, ForcePathStyle = workshop.S3Endpoint is not null, Region = workshop.S3Region };
    }

    /// <summary>Options for a local S3-compatible server; s3rver's built-in credentials are S3RVER/S3RVER.</summary>
    public static S3Options ForLocalServer(string serviceUrl, string? bucket = null, string accessKeyId = "S3RVER", string secretAccessKey = "S3RVER") => new()
    {
        ServiceUrl = serviceUrl,
        ForcePathStyle = true,
        Region = "us-east-1",
        Bucket = bucket,
        AccessKeyId = accessKeyId,
        SecretAccessKey = secretAccessKey,
    };

    /// <summary>Shows everything but the secrets.</summary>
    public override string ToString() =>
        $"S3Options {{ Bucket = {Bucket}, Prefix = {Prefix}, Region = {EffectiveRegion}, ServiceUrl = {ServiceUrl ?? "(AWS)"}, " +
        $"ForcePathStyle = {ForcePathStyle}, Credentials = {(AccessKeyId is not null ? "access key " + AccessKeyId : Profile is not null ? "profile " + Profile : "default chain")} }}";
}

namespace CustomerAnalytics.Cloud;

/// <summary>The kind of S3 failure, so callers can react to a missing object differently from bad credentials.</summary>
public enum S3ErrorKind
{
    /// <summary>The bucket does not exist (at this endpoint/region).</summary>
    MissingBucket,
    /// <summary>No object under that key.</summary>
    MissingKey,
    /// <summary>Credentials missing, unknown, expired, or without permission.</summary>
    Credentials,
    /// <summary>The endpoint could not be reached.</summary>
    Connection,
    /// <summary>The options are incomplete (for example no bucket for a relative key).</summary>
    Configuration,
    /// <summary>Anything else the server or SDK reported.</summary>
    Other,
}

/// <summary>An S3 upload, download or listing failed; the message says what to check.</summary>
public sealed class S3TransferException : WorkshopException
{
    /// <summary>What went wrong.</summary>
    public S3ErrorKind Kind { get; }
    /// <summary>The bucket involved, when known.</summary>
    public string? Bucket { get; }
    /// <summary>The key involved, when known.</summary>
    public string? Key { get; }

    internal S3TransferException(S3ErrorKind kind, string message, string? bucket, string? key, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Bucket = bucket;
        Key = key;
    }
}

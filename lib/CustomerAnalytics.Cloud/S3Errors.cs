using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace CustomerAnalytics.Cloud;

/// <summary>Turns SDK exceptions into <see cref="S3TransferException"/>s whose message says what to check.</summary>
internal static class S3Errors
{
    public static S3TransferException Translate(Exception e, string operation, string bucket, string? key, S3Options options)
    {
        if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate) e = aggregate.InnerExceptions[0];
        var where = key is null ? $"s3://{bucket}" : $"s3://{bucket}/{key}";
        var endpoint = options.ServiceUrl ?? $"AWS region {options.EffectiveRegion}";
        string Prefix() => $"S3 {operation} of {where} failed";

        if (e is AmazonS3Exception s3)
        {
            var code = s3.ErrorCode ?? "";
            if (code == "NoSuchBucket")
                return new(S3ErrorKind.MissingBucket,
                    $"{Prefix()}: bucket '{bucket}' does not exist at {endpoint}. Check the bucket name in the s3:// URI or " +
                    "S3Options.Bucket and the region, or create the bucket (aws s3 mb s3://" + bucket + ", or S3Transfer.EnsureBucketAsync()).",
                    bucket, key, e);
            if (code == "NoSuchKey" || (s3.StatusCode == HttpStatusCode.NotFound && key is not null))
                return new(S3ErrorKind.MissingKey,
                    $"{Prefix()}: no object at {where}. Keys are case-sensitive and include the prefix; list what is there with " +
                    $"S3Transfer.ListAsync(\"s3://{bucket}/\"), or upload the data first (S3Transfer.UploadFolderAsync).",
                    bucket, key, e);
            if (code is "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken" or "InvalidToken" or "AccessDenied"
                || s3.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                return new(S3ErrorKind.Credentials,
                    $"{Prefix()}: the server refused the credentials ({code}: {s3.Message}). Check the access key and secret " +
                    "(S3Options.AccessKeyId/SecretAccessKey, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_PROFILE), that a " +
                    "session token has not expired, and that the identity may read/write this bucket.",
                    bucket, key, e);
            return new(S3ErrorKind.Other, $"{Prefix()}: {code} (HTTP {(int)s3.StatusCode}): {s3.Message}", bucket, key, e);
        }
        if (IsConnectionFailure(e))
            return new(S3ErrorKind.Connection,
                $"{Prefix()}: could not reach {endpoint}. Check S3Options.ServiceUrl (or AWS_ENDPOINT_URL), the network, and " +
                "that the server is running (for a local s3rver: `s3rver -d DIR -a 127.0.0.1 -p PORT`).",
                bucket, key, e);
        if (e is AmazonClientException && e.Message.Contains("credential", StringComparison.OrdinalIgnoreCase))
            return new(S3ErrorKind.Credentials,
                $"{Prefix()}: no AWS credentials found ({e.Message}). Set S3Options.AccessKeyId/SecretAccessKey or " +
                "S3Options.Profile, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE in the environment.",
                bucket, key, e);
        return new(S3ErrorKind.Other, $"{Prefix()}: {e.Message}", bucket, key, e);
    }

    private static bool IsConnectionFailure(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is HttpRequestException or SocketException) return true;
        return false;
    }
}

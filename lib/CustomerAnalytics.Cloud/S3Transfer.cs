using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CustomerAnalytics.Cloud;

/// <summary>
/// Uploads, downloads and lists S3 objects, with progress and errors that say what to check.
/// A key argument is either a full <c>s3://bucket/key</c> URI or a key relative to
/// <see cref="S3Options.Bucket"/> and <see cref="S3Options.Prefix"/>.
/// </summary>
/// <remarks>
/// Uploads send the body unchunked (<c>UseChunkEncoding = false</c>) and compute checksums only when
/// required: S3-compatible servers such as s3rver otherwise store the aws-chunked framing as the object,
/// and downloads come back corrupted without any error. Large files are sent as a multipart upload written
/// here (not TransferUtility), so those settings hold for every part too.
/// </remarks>
public sealed class S3Transfer : IDisposable
{
    private const int CopyBufferSize = 1 << 20;

    /// <summary>Creates a client for <paramref name="options"/>.</summary>
    public S3Transfer(S3Options options)
    {
        Options = options;
        Client = CreateClient(options);
    }

    /// <summary>The options this transfer uses.</summary>
    public S3Options Options { get; }

    /// <summary>The underlying SDK client, for anything not wrapped here.</summary>
    public IAmazonS3 Client { get; }

    /// <summary>Creates the bucket of <see cref="S3Options.Bucket"/> (or of <paramref name="bucketOrUri"/>) if it does not exist.</summary>
    public async Task EnsureBucketAsync(string? bucketOrUri = null, CancellationToken cancellationToken = default)
    {
        var bucket = bucketOrUri is null ? Resolve("").Bucket : S3Uri.IsS3(bucketOrUri) ? S3Uri.Parse(bucketOrUri).Bucket : bucketOrUri;
        try
        {
            var existing = await Client.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
            if (existing.Buckets?.Any(b => b.BucketName == bucket) == true) return;
            await Client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not S3TransferException)
        {
            throw S3Errors.Translate(e, "create bucket", bucket, null, Options);
        }
    }

    /// <summary>Uploads one local file; files of at least <see cref="S3Options.MultipartThreshold"/> bytes go in parts.</summary>
    /// <returns>The stored object (size and ETag).</returns>
    public async Task<S3ObjectInfo> UploadFileAsync(string localPath, string key, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(localPath))
            throw new FileNotFoundException($"Cannot upload {Path.GetFullPath(localPath)}: the file does not exist.", localPath);
        var (bucket, fullKey) = Resolve(key);
        var size = new FileInfo(localPath).Length;
        var tracker = new ProgressTracker(progress, $"s3://{bucket}/{fullKey}", TransferDirection.Upload, size);
        try
        {
            var etag = size >= Options.MultipartThreshold
                ? await UploadMultipartAsync(localPath, bucket, fullKey, size, tracker, cancellationToken).ConfigureAwait(false)
                : await UploadSingleAsync(localPath, bucket, fullKey, tracker, cancellationToken).ConfigureAwait(false);
            tracker.Complete();
            return new S3ObjectInfo(bucket, fullKey, size, DateTime.UtcNow, etag);
        }
        catch (Exception e) when (e is not OperationCanceledException and not S3TransferException)
        {
            throw S3Errors.Translate(e, "upload", bucket, fullKey, Options);
        }
    }

    /// <summary>Downloads one object to <paramref name="localPath"/> (folders are created; an existing file is
    /// replaced only once the download is complete).</summary>
    /// <returns>The local path.</returns>
    public async Task<string> DownloadFileAsync(string key, string localPath, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (bucket, fullKey) = Resolve(key);
        var folder = Path.GetDirectoryName(Path.GetFullPath(localPath))!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(localPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            using var response = await Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = fullKey }, cancellationToken).ConfigureAwait(false);
            var total = response.ContentLength;
            var tracker = new ProgressTracker(progress, $"s3://{bucket}/{fullKey}", TransferDirection.Download, total);
            long written = 0;
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
            {
                var buffer = new byte[CopyBufferSize];
                int read;
                while ((read = await response.ResponseStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    written += read;
                    tracker.Add(read);
                }
            }
            if (written != total)
                throw new S3TransferException(S3ErrorKind.Other,
                    $"S3 download of s3://{bucket}/{fullKey} was cut short: {written:N0} of {total:N0} bytes. Retry the download.", bucket, fullKey);
            File.Move(partial, localPath, overwrite: true);
            tracker.Complete();
            return localPath;
        }
        catch (Exception e) when (e is not OperationCanceledException and not S3TransferException)
        {
            throw S3Errors.Translate(e, "download", bucket, fullKey, Options);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>Uploads every file under <paramref name="localFolder"/> (recursively) below the folder key
    /// <paramref name="keyPrefix"/>, keeping relative paths.</summary>
    public async Task<IReadOnlyList<S3ObjectInfo>> UploadFolderAsync(string localFolder, string keyPrefix = "", IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(localFolder))
            throw new DirectoryNotFoundException($"Cannot upload {Path.GetFullPath(localFolder)}: the folder does not exist.");
        var uploaded = new List<S3ObjectInfo>();
        foreach (var file in Directory.EnumerateFiles(localFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(localFolder, file).Replace(Path.DirectorySeparatorChar, '/');
            uploaded.Add(await UploadFileAsync(file, JoinFolder(keyPrefix, relative), progress, cancellationToken).ConfigureAwait(false));
        }
        return uploaded;
    }

    /// <summary>Downloads every object under the folder key <paramref name="keyPrefix"/> into
    /// <paramref name="localFolder"/>, keeping relative paths.</summary>
    /// <returns>The local files written.</returns>
    public async Task<IReadOnlyList<string>> DownloadPrefixAsync(string keyPrefix, string localFolder, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var objects = await ListAsync(keyPrefix, cancellationToken).ConfigureAwait(false);
        var folderKey = FolderKey(Resolve(keyPrefix).Key);
        var root = Path.GetFullPath(localFolder);
        var files = new List<string>();
        foreach (var obj in objects.Where(o => !o.Key.EndsWith('/')))
        {
            var local = Path.GetFullPath(Path.Combine(root, obj.Key[folderKey.Length..].Replace('/', Path.DirectorySeparatorChar)));
            if (!local.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new S3TransferException(S3ErrorKind.Other, $"Refusing to download {obj.Uri}: its key leads outside {root}.", obj.Bucket, obj.Key);
            files.Add(await DownloadFileAsync(obj.Uri.ToString(), local, progress, cancellationToken).ConfigureAwait(false));
        }
        return files;
    }

    /// <summary>Lists the objects under the folder key <paramref name="keyPrefix"/> (all pages), sorted by key.</summary>
    public async Task<IReadOnlyList<S3ObjectInfo>> ListAsync(string keyPrefix = "", CancellationToken cancellationToken = default)
    {
        var (bucket, key) = Resolve(keyPrefix);
        var prefix = FolderKey(key);
        var result = new List<S3ObjectInfo>();
        try
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
            while (true)
            {
                var page = await Client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                foreach (var o in page.S3Objects ?? [])
                    result.Add(new S3ObjectInfo(bucket, o.Key, o.Size ?? 0, o.LastModified?.ToUniversalTime(), o.ETag));
                if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken)) break;
                request.ContinuationToken = page.NextContinuationToken;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw S3Errors.Translate(e, "listing", bucket, prefix.Length == 0 ? null : prefix, Options);
        }
        return result.OrderBy(o => o.Key, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Disposes the SDK client.</summary>
    public void Dispose() => Client.Dispose();

    /// <summary>Bucket and full key for a key argument (s3:// URI, or relative to the options).</summary>
    internal (string Bucket, string Key) Resolve(string keyOrUri)
    {
        if (S3Uri.IsS3(keyOrUri))
        {
            var uri = S3Uri.Parse(keyOrUri);
            return (uri.Bucket, uri.Key);
        }
        if (string.IsNullOrEmpty(Options.Bucket))
            throw new S3TransferException(S3ErrorKind.Configuration,
                $"No bucket for key '{keyOrUri}': pass a full s3://bucket/key URI or set S3Options.Bucket.", null, keyOrUri);
        return (Options.Bucket, S3Uri.JoinKey(Options.Prefix, keyOrUri));
    }

    private static string FolderKey(string key) => key.Length == 0 || key.EndsWith('/') ? key : key + "/";

    private static string JoinFolder(string prefix, string name) =>
        S3Uri.IsS3(prefix) ? S3Uri.Parse(prefix).Combine(name).ToString() : S3Uri.JoinKey(prefix, name);

    private async Task<string> UploadSingleAsync(string localPath, string bucket, string key, ProgressTracker tracker, CancellationToken ct)
    {
        var request = new PutObjectRequest { BucketName = bucket, Key = key, FilePath = localPath, UseChunkEncoding = false };
        request.StreamTransferProgress += (_, e) => tracker.Add(e.IncrementTransferred);
        var response = await Client.PutObjectAsync(request, ct).ConfigureAwait(false);
        return response.ETag;
    }

    private async Task<string> UploadMultipartAsync(string localPath, string bucket, string key, long size, ProgressTracker tracker, CancellationToken ct)
    {
        var partSize = Math.Max(Options.PartSize, 5L << 20);
        var init = await Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, ct).ConfigureAwait(false);
        int partCount = (int)((size + partSize - 1) / partSize);
        var etags = new PartETag[partCount];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, partCount),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.ConcurrentParts), CancellationToken = ct },
                async (index, token) =>
                {
                    var position = index * partSize;
                    var request = new UploadPartRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        UploadId = init.UploadId,
                        PartNumber = index + 1,
                        FilePath = localPath,
                        FilePosition = position,
                        PartSize = Math.Min(partSize, size - position),
                        IsLastPart = index == partCount - 1,
                        UseChunkEncoding = false,
                    };
                    request.StreamTransferProgress += (_, e) => tracker.Add(e.IncrementTransferred);
                    var response = await Client.UploadPartAsync(request, token).ConfigureAwait(false);
                    etags[index] = new PartETag(index + 1, response.ETag);
                }).ConfigureAwait(false);
            var done = await Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = init.UploadId,
                PartETags = [.. etags],
            }, ct).ConfigureAwait(false);
            return done.ETag;
        }
        catch
        {
            // Do not leave invisible parts behind: on AWS they are billed until aborted.
            try { await Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = init.UploadId }, CancellationToken.None).ConfigureAwait(false); }
            catch { /* the original failure is the one to report */ }
            throw;
        }
    }

    private static AmazonS3Client CreateClient(S3Options options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            MaxErrorRetry = options.MaxRetries,
            // Checksums only when the operation requires them: S3-compatible servers do not all understand the
            // flexible-checksum trailers newer SDKs add by default; AWS accepts either.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.EffectiveRegion;
        }
        else config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.EffectiveRegion);
        if (options.Profile is not null && options.AccessKeyId is null) config.Profile = new Profile(options.Profile);

        if (options.AccessKeyId is not null)
        {
            AWSCredentials credentials = options.SessionToken is null
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey ?? "")
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey ?? "", options.SessionToken);
            return new AmazonS3Client(credentials, config);
        }
        return new AmazonS3Client(config);
    }
}

using CustomerAnalytics.Cloud;

namespace CustomerAnalytics.Data;

/// <summary>Turns a local path or an s3:// URI into a local file, downloading S3 objects into the cache folder.</summary>
internal static class DataSource
{
    /// <summary>The local file for <paramref name="pathOrUri"/>; throws <see cref="DataFileNotFoundException"/> when absent.</summary>
    public static string LocalFile(string pathOrUri, LoadOptions options)
    {
        if (!S3Uri.IsS3(pathOrUri))
        {
            if (!File.Exists(pathOrUri))
                throw new DataFileNotFoundException(pathOrUri, Directory.Exists(pathOrUri) ? "That is a folder; pass the file inside it." : null);
            return pathOrUri;
        }
        var uri = S3Uri.Parse(pathOrUri);
        var local = Path.Combine(options.ResolvedCacheFolder, uri.Bucket, uri.Key.Replace('/', Path.DirectorySeparatorChar));
        using var s3 = new S3Transfer(options.S3 ?? S3Options.FromEnvironment());
        try
        {
            // Loaders are synchronous (a notebook cell reads better without await); run the async download on
            // the thread pool so no caller's synchronization context can deadlock it.
            Task.Run(() => s3.DownloadFileAsync(uri.ToString(), local, options.DownloadProgress)).GetAwaiter().GetResult();
        }
        catch (S3TransferException e) when (e.Kind == S3ErrorKind.MissingKey)
        {
            throw new DataFileNotFoundException(pathOrUri,
                "There is no such object in S3; upload the dataset first (S3Transfer.UploadFolderAsync).", e);
        }
        return local;
    }

    /// <summary>A file inside a local folder or an S3 folder URI.</summary>
    public static string Combine(string folderOrUri, string fileName) =>
        S3Uri.IsS3(folderOrUri) ? S3Uri.Parse(folderOrUri).Combine(fileName).ToString() : Path.Combine(folderOrUri, fileName);

    /// <summary>Fails early with the folder in the message when a local dataset folder is missing.</summary>
    public static void RequireFolder(string folderOrUri)
    {
        if (!S3Uri.IsS3(folderOrUri) && !Directory.Exists(folderOrUri))
            throw new DataFileNotFoundException(folderOrUri, "The dataset folder does not exist.");
    }
}

namespace CustomerAnalytics.Data;

/// <summary>Checks the local paths the loaders are given (files from S3 are downloaded first, with
/// <c>CustomerAnalytics.Cloud.S3Transfer</c>, so the loaders never touch the network).</summary>
internal static class DataSource
{
    /// <summary><paramref name="path"/> itself; throws <see cref="DataFileNotFoundException"/> when no such file exists.</summary>
    public static string LocalFile(string path)
    {
        if (path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            throw new DataFileNotFoundException(path, "The loaders read local files: download it first (S3Transfer.DownloadFileAsync, in CustomerAnalytics.Cloud).");
        if (!File.Exists(path))
            throw new DataFileNotFoundException(path, Directory.Exists(path) ? "That is a folder; pass the file inside it." : null);
        return path;
    }

    /// <summary>Fails early with the folder in the message when a local dataset folder is missing.</summary>
    public static void RequireFolder(string folder)
    {
        if (folder.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            throw new DataFileNotFoundException(folder, "The loaders read local folders: download it first (S3Transfer.DownloadPrefixAsync, in CustomerAnalytics.Cloud).");
        if (!Directory.Exists(folder))
            throw new DataFileNotFoundException(folder, "The dataset folder does not exist.");
    }
}

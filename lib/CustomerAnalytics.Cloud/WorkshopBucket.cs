namespace CustomerAnalytics.Cloud;

/// <summary>
/// Where a workshop keeps its objects in the machine's bucket (<see cref="Workshop.Bucket"/>, from WORKSHOP_BUCKET):
/// under the attendee's folder, <c>s3://bucket/attendee/...</c>, and where downloads of S3 objects are cached.
/// </summary>
public static class WorkshopBucket
{
    /// <summary>The s3:// URI of <paramref name="path"/> in the attendee's folder of the bucket, e.g.
    /// <c>workshop.BucketUri("olist/")</c> is <c>s3://bucket/attendee/olist/</c>.</summary>
    /// <exception cref="S3TransferException">WORKSHOP_BUCKET is not set (kind <see cref="S3ErrorKind.Configuration"/>).</exception>
    public static string BucketUri(this Workshop workshop, string path)
    {
        if (workshop.Bucket is null)
            throw new S3TransferException(S3ErrorKind.Configuration,
                $"No bucket for '{path}': {WorkshopSettings.BucketVariable} is not set. Set it to your bucket's name before starting " +
                "JupyterLab (the GPU machines do), or give the notebook a full s3://bucket/key parameter.", null, path);
        return new S3Uri(workshop.Bucket, S3Uri.JoinKey(workshop.Attendee, path)).ToString();
    }

    /// <summary>
    /// The local copy of an S3 object or folder: <c>s3-cache/bucket/key</c> under the run's artifacts folder, so a
    /// run with <c>--out</c> writes nothing under the repository and two locations never share a folder.
    /// </summary>
    /// <param name="workshop">The workshop (its <see cref="Workshop.ArtifactsFolder"/>).</param>
    /// <param name="s3Uri">An s3://bucket/key URI (a key ending in '/' is a folder).</param>
    /// <exception cref="FormatException"><paramref name="s3Uri"/> is not an s3:// URI.</exception>
    public static string CachePath(this Workshop workshop, string s3Uri)
    {
        var uri = S3Uri.Parse(s3Uri);
        var root = Path.GetFullPath(Path.Combine(workshop.ArtifactsFolder, "s3-cache"));
        var parts = uri.Key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var local = Path.GetFullPath(Path.Combine([root, uri.Bucket, .. parts]));
        if (!local.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || parts.Contains(".."))
            throw new FormatException($"'{s3Uri}' leads outside the cache folder {root}: use a key without '..' parts.");
        return local;
    }
}

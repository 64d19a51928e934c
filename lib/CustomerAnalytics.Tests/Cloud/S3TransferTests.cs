using CustomerAnalytics.Cloud;
using CustomerAnalytics.Tests.Data;

namespace CustomerAnalytics.Tests.Cloud;

/// <summary>Progress recorder that keeps every report synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<TransferProgress>
{
    private readonly List<TransferProgress> _reports = [];
    public IReadOnlyList<TransferProgress> Reports { get { lock (_reports) return _reports.ToArray(); } }
    public void Report(TransferProgress value) { lock (_reports) _reports.Add(value); }
}

[Collection(S3rverCollection.Name)]
public class S3TransferTests(S3rverFixture server)
{
    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [S3Fact]
    public async Task Small_file_round_trip_is_byte_exact()
    {
        using var temp = new TempFolder();
        var bucket = await server.NewBucketAsync();
        using var s3 = new S3Transfer(server.Options(bucket));
        var original = RandomBytes(300_000, seed: 1);
        var source = Path.Combine(temp.Path, "small.bin");
        await File.WriteAllBytesAsync(source, original);

        var info = await s3.UploadFileAsync(source, "in/small.bin");
        var copy = await s3.DownloadFileAsync("in/small.bin", Path.Combine(temp.Path, "out", "small.bin"));

        Assert.Equal(original, await File.ReadAllBytesAsync(copy));
        Assert.Equal(original.Length, info.Size);
        Assert.Equal(original.Length, Assert.Single(await s3.ListAsync("in")).Size);
    }

    [S3Fact]
    public async Task Multipart_round_trip_is_byte_exact_and_reports_progress()
    {
        using var temp = new TempFolder();
        var bucket = await server.NewBucketAsync();
        var options = server.Options(bucket) with { MultipartThreshold = 5L << 20, PartSize = 5L << 20 };
        using var s3 = new S3Transfer(options);
        var original = RandomBytes(12_500_000, seed: 2); // three parts: 5 MiB, 5 MiB, the rest
        var source = Path.Combine(temp.Path, "big.bin");
        await File.WriteAllBytesAsync(source, original);
        var up = new RecordingProgress();
        var down = new RecordingProgress();

        await s3.UploadFileAsync(source, "big.bin", up);
        var copy = await s3.DownloadFileAsync($"s3://{bucket}/big.bin", Path.Combine(temp.Path, "copy.bin"), down);

        Assert.Equal(original, await File.ReadAllBytesAsync(copy));
        Assert.Contains($"partNumber=3", server.Log); // really went through UploadPart
        Assert.DoesNotContain("partNumber=4", server.Log);
        foreach (var reports in new[] { up.Reports, down.Reports })
        {
            Assert.True(reports.Count > 2, $"only {reports.Count} progress reports");
            Assert.All(reports, r => Assert.Equal(original.Length, r.TotalBytes));
            Assert.All(reports, r => Assert.InRange(r.BytesTransferred, 1, original.Length));
            Assert.Single(reports, r => r.IsComplete);
            Assert.True(reports[^1].IsComplete);
        }
        Assert.Equal(TransferDirection.Upload, up.Reports[0].Direction);
        var downloaded = down.Reports.Select(r => r.BytesTransferred).ToArray();
        Assert.Equal(downloaded.Order(), downloaded); // one stream: strictly in order
    }

    [S3Fact]
    public async Task List_returns_the_objects_under_a_folder_prefix_sorted_with_sizes()
    {
        using var temp = new TempFolder();
        var bucket = await server.NewBucketAsync();
        using var s3 = new S3Transfer(server.Options(bucket));
        foreach (var key in new[] { "a/2.txt", "a/1.txt", "a/sub/3.txt", "ab/4.txt", "b/5.txt" })
            await s3.UploadFileAsync(temp.Write(key, key), key);

        var listed = await s3.ListAsync("a");

        Assert.Equal(["a/1.txt", "a/2.txt", "a/sub/3.txt"], listed.Select(o => o.Key));
        Assert.All(listed, o => Assert.Equal(o.Key.Length, o.Size));
        Assert.Equal(5, (await s3.ListAsync()).Count);
        Assert.Equal($"s3://{bucket}/a/1.txt", listed[0].Uri.ToString());
    }

    [S3Fact]
    public async Task Folder_upload_and_prefix_download_round_trip()
    {
        using var temp = new TempFolder();
        var bucket = await server.NewBucketAsync();
        using var s3 = new S3Transfer(server.Options());
        temp.Write("src/top.csv", "a,b\n1,2\n");
        temp.Write("src/nested/deeper/x.tsv", "c1\ta\tb\n");

        var uploaded = await s3.UploadFolderAsync(Path.Combine(temp.Path, "src"), $"s3://{bucket}/datasets/demo");
        var files = await s3.DownloadPrefixAsync($"s3://{bucket}/datasets/demo/", Path.Combine(temp.Path, "dst"));

        Assert.Equal(["datasets/demo/nested/deeper/x.tsv", "datasets/demo/top.csv"], uploaded.Select(o => o.Key));
        Assert.Equal(2, files.Count);
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(Path.Combine(temp.Path, "dst", "top.csv")));
        Assert.Equal("c1\ta\tb\n", File.ReadAllText(Path.Combine(temp.Path, "dst", "nested", "deeper", "x.tsv")));
    }

    [S3Fact]
    public async Task Relative_keys_go_under_the_bucket_and_prefix_of_the_options()
    {
        using var temp = new TempFolder();
        var bucket = await server.NewBucketAsync();
        using var s3 = new S3Transfer(server.Options(bucket) with { Prefix = "workshops/olist/" });

        var info = await s3.UploadFileAsync(temp.Write("f.csv", "x"), "f.csv");

        Assert.Equal("workshops/olist/f.csv", info.Key);
        using var absolute = new S3Transfer(server.Options());
        Assert.Equal("workshops/olist/f.csv", Assert.Single(await absolute.ListAsync($"s3://{bucket}/workshops")).Key);
    }

    [S3Fact]
    public async Task Missing_bucket_says_which_bucket_and_what_to_check()
    {
        using var temp = new TempFolder();
        using var s3 = new S3Transfer(server.Options());

        var e = await Assert.ThrowsAsync<S3TransferException>(() =>
            s3.DownloadFileAsync("s3://no-such-bucket-here/x.csv", Path.Combine(temp.Path, "x.csv")));

        Assert.Equal(S3ErrorKind.MissingBucket, e.Kind);
        Assert.Contains("bucket 'no-such-bucket-here' does not exist", e.Message);
        Assert.Contains(server.ServiceUrl, e.Message);
        var listing = await Assert.ThrowsAsync<S3TransferException>(() => s3.ListAsync("s3://no-such-bucket-here/"));
        Assert.Equal(S3ErrorKind.MissingBucket, listing.Kind);
    }

    [S3Fact]
    public async Task Missing_key_leaves_no_partial_file_and_keeps_an_existing_one()
    {
        using var temp = new TempFolder();
        var bucket = await server.NewBucketAsync();
        using var s3 = new S3Transfer(server.Options(bucket));
        var target = temp.Write("keep.csv", "old content");

        var e = await Assert.ThrowsAsync<S3TransferException>(() => s3.DownloadFileAsync("nope/keep.csv", target));

        Assert.Equal(S3ErrorKind.MissingKey, e.Kind);
        Assert.Contains($"no object at s3://{bucket}/nope/keep.csv", e.Message);
        Assert.Contains("ListAsync", e.Message);
        Assert.Equal("old content", File.ReadAllText(target));
        Assert.Equal(["keep.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [S3Fact]
    public async Task Unknown_access_key_is_a_credentials_error()
    {
        // s3rver knows one access key (S3RVER) and rejects others; it does not verify SigV4 signatures,
        // so a wrong *secret* cannot be detected here (AWS would answer SignatureDoesNotMatch, mapped the same way).
        var bucket = await server.NewBucketAsync();
        using var s3 = new S3Transfer(S3Options.ForLocalServer(server.ServiceUrl, bucket, accessKeyId: "NOT-A-KEY", secretAccessKey: "x"));

        var e = await Assert.ThrowsAsync<S3TransferException>(() => s3.ListAsync());

        Assert.Equal(S3ErrorKind.Credentials, e.Kind);
        Assert.Contains("InvalidAccessKeyId", e.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID", e.Message);
    }
}

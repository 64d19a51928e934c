using CustomerAnalytics.Cloud;
using CustomerAnalytics.Data;
using CustomerAnalytics.Tests.Data;

namespace CustomerAnalytics.Tests.Cloud;

[Collection(S3rverCollection.Name)]
public class S3DatasetLoadingTests(S3rverFixture server)
{
    [S3Fact]
    public async Task Olist_from_s3_loads_the_same_tables_as_from_the_local_folder()
    {
        using var temp = new TempFolder();
        var folder = Samples.WriteOlist(temp);
        var bucket = await server.NewBucketAsync();
        using (var s3 = new S3Transfer(server.Options()))
            await s3.UploadFolderAsync(folder, $"s3://{bucket}/raw/olist");
        var options = new LoadOptions { S3 = server.Options(), CacheFolder = Path.Combine(temp.Path, "cache"), DownloadProgress = null };
        using var local = new WorkshopDatabase();
        using var remote = new WorkshopDatabase(Path.Combine(temp.Path, "remote.duckdb"));

        var fromDisk = DatasetLoader.LoadOlist(local, folder);
        var fromS3 = DatasetLoader.LoadOlist(remote, $"s3://{bucket}/raw/olist/", options);

        Assert.Equal(fromDisk.Reports.Select(r => (r.RowsRead, r.RowsAccepted, r.RowsRejected)), fromS3.Reports.Select(r => (r.RowsRead, r.RowsAccepted, r.RowsRejected)));
        Assert.Equal($"s3://{bucket}/raw/olist/{DatasetSchemas.OlistFiles.Orders}", fromS3.Orders.Source);
        Assert.StartsWith(Path.Combine(temp.Path, "cache", bucket), fromS3.Orders.File);
        foreach (var table in new[] { "customers", "orders", "payments" })
        {
            Assert.Equal(local.Describe(table), remote.Describe(table));
            var expected = local.Query($"SELECT * FROM {table} ORDER BY ALL");
            var actual = remote.Query($"SELECT * FROM {table} ORDER BY ALL");
            Assert.Equal(expected.Rows.Count, actual.Rows.Count);
            for (int i = 0; i < expected.Rows.Count; i++)
                Assert.Equal(expected.Rows[i].ToArray(), actual.Rows[i].ToArray());
        }
    }

    [S3Fact]
    public async Task A_missing_s3_object_is_a_data_file_not_found_error()
    {
        using var temp = new TempFolder();
        var bucket = await server.NewBucketAsync();
        using var db = new WorkshopDatabase();
        var options = new LoadOptions { S3 = server.Options(), CacheFolder = temp.Path, DownloadProgress = null };

        var e = Assert.Throws<DataFileNotFoundException>(() => DatasetLoader.LoadOnlineRetail(db, $"s3://{bucket}/retail/online_retail.csv", options));

        Assert.Equal($"s3://{bucket}/retail/online_retail.csv", e.Path);
        Assert.Contains("UploadFolderAsync", e.Message);
        Assert.IsType<S3TransferException>(e.InnerException);
    }
}
